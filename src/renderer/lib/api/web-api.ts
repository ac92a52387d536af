/** The plain web build's host API: a file input to open, a download link to save, the browser's print dialog. */
import type { Api, OpenedText } from './api.ts';

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const webApi: Api = {
  kind: 'web',
  async openCase(): Promise<OpenedText | null> {
    const file = await pickFile('.json,.vpd.json,application/json');
    return file ? { name: file.name, text: await file.text() } : null;
  },
  async saveCase(name, text) {
    download(name, text, 'application/json');
    return `Downloaded ${name}.`;
  },
  async exportReport(name, markdown) {
    download(name, markdown, 'text/markdown');
    return `Downloaded ${name}.`;
  },
  async print() {
    window.print();
    return null;
  },
};
