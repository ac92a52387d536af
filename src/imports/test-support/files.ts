/** Reads the import fixtures as the CLI would hand them over (bytes, decoded by the importer). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EstateFile } from '../import-file.ts';
import { importFile } from '../import-file.ts';
import type { FileImport } from '../facts.ts';

export const FIXTURES = join(import.meta.dirname, '..', '__fixtures__');

export function fixture(path: string): EstateFile {
  return { name: path, kind: 'bytes', bytes: new Uint8Array(readFileSync(join(FIXTURES, path))) };
}

export function importFixture(path: string): FileImport {
  const r = importFile(fixture(path));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function text(name: string, content: string): EstateFile {
  return { name, kind: 'text', text: content };
}
