/**
 * The support bundles of the evidence panel: the readings under way (progress, Cancel) and the finished readings
 * with their details (what was recognised, skipped, refused), which the case does not keep. The hosts themselves
 * go into the evidence as imported hosts (app.evidence.addImported), so the analysis, the pickers, the wizard and
 * the case file see them like any other host. One store for the page: the evidence screen and the wizard's
 * evidence step show the same panel. The app state owns it (app.bundles), and starting or opening another case
 * clears it: a reading still under way must not land in the next case.
 */
import type { BundleReading, ReadProgress } from '../../../bundles/index.ts';
import type { EvidenceStore } from '../evidence/evidence.svelte.ts';
import { readBundleFile } from './client.ts';
import type { BundleJob } from './client.ts';
import { importedHostsOf, noHostSentence } from './imported.ts';
import { bundleSizeRefusal, splitFiles } from './route.ts';

export interface ActiveReading {
  readonly id: number;
  readonly name: string;
  readonly progress: ReadProgress;
}

export class BundleStore {
  active = $state.raw<readonly ActiveReading[]>([]);
  readings = $state.raw<readonly BundleReading[]>([]);
  #jobs = new Map<number, BundleJob>();
  #ids = 1;

  /** Routes dropped or chosen files: bundles to the reader, the rest to the text evidence of `side`. */
  async addFiles(ev: EvidenceStore, side: 'source' | 'dest', files: Iterable<File>, say: (text: string) => void): Promise<void> {
    const { bundles, texts } = await splitFiles(files);
    if (texts.length > 0) void ev.addFiles(side, texts);
    await Promise.all(bundles.map((f) => this.read(ev, f, say)));
  }

  async read(ev: EvidenceStore, file: File, say: (text: string) => void): Promise<void> {
    const refused = bundleSizeRefusal(file.name, file.size);
    if (refused) {
      ev.notify(refused);
      return;
    }
    const id = this.#ids++;
    this.active = [...this.active, { id, name: file.name, progress: { bytesRead: 0, totalBytes: file.size } }];
    const job = readBundleFile(file, (progress) => {
      this.active = this.active.map((a) => (a.id === id ? { ...a, progress } : a));
    });
    this.#jobs.set(id, job);
    const outcome = await job.done;
    this.#jobs.delete(id);
    this.active = this.active.filter((a) => a.id !== id);
    if (outcome.kind === 'cancelled') {
      say(`Reading ${file.name} was cancelled; nothing of it was added.`);
      return;
    }
    if (outcome.kind === 'failed') {
      ev.notify(`${file.name} could not be read: ${outcome.message}`);
      return;
    }
    this.#accept(ev, outcome.reading, say);
  }

  #accept(ev: EvidenceStore, reading: BundleReading, say: (text: string) => void): void {
    const none = noHostSentence(reading);
    if (none !== undefined) {
      // Not a bundle, a bomb, a corrupt file: one sentence, and the rest of the evidence stays as it was.
      ev.notify(none);
      return;
    }
    // The same file again replaces its earlier reading.
    ev.removeImported({ file: reading.source });
    this.readings = [...this.readings.filter((r) => r.source !== reading.source), reading];
    const hosts = importedHostsOf(reading);
    ev.addImported(hosts);
    const n = reading.hosts.length;
    say(
      `Read ${reading.source}: ${n} host${n === 1 ? '' : 's'} found${hosts.length < n ? `, ${n - hosts.length} of them without anything the analysis reads` : ''}.`,
    );
  }

  cancel(id: number): void {
    this.#jobs.get(id)?.cancel();
  }

  remove(ev: EvidenceStore, source: string): void {
    this.readings = this.readings.filter((r) => r.source !== source);
    ev.removeImported({ file: source });
  }

  clear(): void {
    for (const job of this.#jobs.values()) job.cancel();
    this.readings = [];
  }
}
