/**
 * The Scan view's state, kept by the app while the window lives (not part of a case): the files chosen, the
 * migration kind, the scan's status and result, and the table's filter, sort and page, so "Open in wizard" and
 * back returns to the same table without scanning again.
 */
import type { ScanResult } from '../../../core/estate/types.ts';
import type { MigrationKind } from '../../../core/result.ts';
import type { ScanCallbacks } from './client.ts';
import { ScanClient } from './client.ts';
import type { ImportedHostDraft, ScanProgressMessage } from './protocol.ts';
import type { HostFilter, HostRow, SortOrder } from './table.ts';
import { DEFAULT_SORT, hostRows, NO_FILTER } from './table.ts';

export type ScanStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly progress: ScanProgressMessage | undefined }
  | { readonly kind: 'done'; readonly result: ScanResult; readonly rows: readonly HostRow[]; readonly files: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

export class ScanSession {
  files = $state.raw<readonly File[]>([]);
  migration = $state<MigrationKind>('live');
  status = $state.raw<ScanStatus>({ kind: 'idle' });
  filter = $state.raw<HostFilter>(NO_FILTER);
  sort = $state.raw<SortOrder>(DEFAULT_SORT);
  page = $state(0);
  /** The host whose details are open in the table. */
  expanded = $state<string | undefined>(undefined);
  #client: ScanClient;
  #run = 0;

  constructor(client = new ScanClient()) {
    this.#client = client;
  }

  get result(): ScanResult | undefined {
    return this.status.kind === 'done' ? this.status.result : undefined;
  }

  addFiles(files: Iterable<File>): void {
    const byName = new Map(this.files.map((f) => [f.name, f]));
    // The same name again replaces the earlier file (a re-export of the same tab).
    for (const f of files) byName.set(f.name, f);
    this.files = [...byName.values()];
  }

  removeFile(name: string): void {
    this.files = this.files.filter((f) => f.name !== name);
  }

  start(): void {
    const files = this.files;
    const run = ++this.#run;
    this.status = { kind: 'working', progress: undefined };
    const live = () => run === this.#run;
    const on: ScanCallbacks = {
      progress: (p) => {
        if (live()) this.status = { kind: 'working', progress: p };
      },
      done: (result) => {
        if (!live()) return;
        this.filter = NO_FILTER;
        this.sort = DEFAULT_SORT;
        this.page = 0;
        this.expanded = undefined;
        this.status = { kind: 'done', result, rows: hostRows(result), files: files.map((f) => f.name) };
      },
      failed: (message) => {
        if (live()) this.status = { kind: 'failed', message };
      },
    };
    this.#client.start(files, this.migration, on);
  }

  cancel(): void {
    this.#run++;
    this.#client.cancel();
    this.status = { kind: 'idle' };
  }

  setFilter(filter: HostFilter): void {
    this.filter = filter;
    this.page = 0;
  }

  openHost(name: string): Promise<ImportedHostDraft | null> {
    return this.#client.openHost(name);
  }

  dispose(): void {
    this.#run++;
    this.#client.cancel();
  }
}
