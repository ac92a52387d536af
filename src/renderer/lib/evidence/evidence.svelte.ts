/**
 * The evidence the user pasted or dropped, and what the parsers and core made of it. Typing schedules a new
 * evaluation in the worker; the newest answer wins. Nothing here decides anything about the network: it only keeps
 * the texts, the user's choices (migration kind, which host is which) and the last outcome.
 */
import type { ImportedHost } from '../../../core/model/imported.ts';
import type { MigrationKind } from '../../../core/result.ts';
import type { WizardAnswers } from '../../../core/analyze.ts';
import type { EngineOutcome, EngineRequest, EvidenceText, Side } from './engine.ts';
import { formatSize, LARGE_PASTE_CHARS, MAX_FILE_BYTES, placeholderHost } from './limits.ts';
import { AnalysisClient } from '../worker/client.ts';

export interface Attachment {
  readonly id: number;
  readonly name: string;
  readonly side: Side;
  readonly size: number;
  readonly text: string;
}

export interface Notice {
  readonly id: number;
  readonly text: string;
}

/** The part of the evidence that a case file keeps. */
export interface EvidenceSnapshot {
  readonly sourceText: string;
  readonly destText: string;
  readonly attachments: readonly { readonly name: string; readonly side: Side; readonly text: string }[];
  /** Hosts read from bundles or opened from the Scan view (absent when there are none). */
  readonly imported?: readonly ImportedHost[];
  readonly migration: MigrationKind;
  readonly pickedSource?: string;
  readonly pickedDest?: string;
}

const PASTE_NAME: Record<Side, string> = { source: 'source paste', dest: 'destination paste' };
const DEBOUNCE_MS = 150;

export class EvidenceStore {
  sourceText = $state('');
  destText = $state('');
  attachments = $state.raw<readonly Attachment[]>([]);
  /** Hosts that arrived already modelled: support bundles, a host opened from the Scan view. */
  imported = $state.raw<readonly ImportedHost[]>([]);
  migration = $state<MigrationKind>('live');
  /** The wizard's answers that are evidence (set by the app while a walk is active; flows/facts.ts wizardAnswers). */
  answers = $state.raw<WizardAnswers>({});
  /** While a walk uses the evidence: the kind its facts are read from (flows/facts.ts EVIDENCE_MIGRATION). */
  factsMigration = $state<MigrationKind | undefined>(undefined);
  pickedSource = $state<string | undefined>(undefined);
  /** `''`: the "(assumed peer)" choice, no destination host even when the evidence holds another. */
  pickedDest = $state<string | undefined>(undefined);
  outcome = $state.raw<EngineOutcome>({ kind: 'empty', problems: [] });
  busy = $state(false);
  notices = $state.raw<readonly Notice[]>([]);

  readonly #client: Pick<AnalysisClient, 'evaluate' | 'dispose'>;

  /** `client`: the analysis worker's client (tests pass one that answers when told). */
  constructor(client: Pick<AnalysisClient, 'evaluate' | 'dispose'> = new AnalysisClient()) {
    this.#client = client;
  }
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;
  #ids = 1;

  text(side: Side): string {
    return side === 'source' ? this.sourceText : this.destText;
  }

  setText(side: Side, value: string): void {
    if (side === 'source') this.sourceText = value;
    else this.destText = value;
    this.schedule();
  }

  /** Whether the kind was chosen (a person picked it, or a case file kept it) rather than left at its default. */
  migrationChosen = $state(false);

  setMigration(kind: MigrationKind, chosen = true): void {
    this.migration = kind;
    this.migrationChosen = chosen;
    this.schedule(0);
  }

  /** The wizard's answers as evidence; an answered migration kind becomes the analysed kind (still changeable). */
  setAnswers(answers: WizardAnswers, factsMigration: MigrationKind | undefined): void {
    const same = JSON.stringify(answers) === JSON.stringify(this.answers) && factsMigration === this.factsMigration;
    if (answers.migration !== undefined && answers.migration !== this.answers.migration) this.migration = answers.migration;
    this.answers = answers;
    this.factsMigration = factsMigration;
    if (!same) this.schedule(0);
  }

  pick(role: Side, host: string | undefined): void {
    if (role === 'source') this.pickedSource = host;
    else this.pickedDest = host;
    this.schedule(0);
  }

  get hasInput(): boolean {
    return this.sourceText.trim() !== '' || this.destText.trim() !== '' || this.attachments.length > 0 || this.imported.length > 0;
  }

  notify(text: string): void {
    this.notices = [...this.notices, { id: this.#ids++, text }];
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** A paste too big for a comfortable text box becomes an attachment; returns true when it was diverted. */
  divertLargePaste(side: Side, text: string): boolean {
    if (text.length <= LARGE_PASTE_CHARS) return false;
    const n = this.attachments.filter((a) => a.name.startsWith('Pasted text')).length + 1;
    this.#attach({ name: `Pasted text ${n}`, side, size: text.length, text });
    this.notify(`The paste (${formatSize(text.length)}) was added as the attachment "Pasted text ${n}" instead of into the text box, which stays fast to type in.`);
    return true;
  }

  async addFiles(side: Side, files: Iterable<File>): Promise<void> {
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        this.notify(`${file.name} was not read: it is ${formatSize(file.size)}, the limit is ${formatSize(MAX_FILE_BYTES)}. Paste only the command outputs.`);
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        this.notify(`${file.name} could not be read.`);
        continue;
      }
      this.#attach({ name: file.name, side, size: file.size, text });
    }
  }

  /** Adds hosts read from a bundle or an estate export; each gets an id unique in this case. */
  addImported(hosts: readonly Omit<ImportedHost, 'id'>[]): void {
    if (hosts.length === 0) return;
    const taken = new Set(this.imported.map((h) => h.id));
    const added: ImportedHost[] = [];
    for (const h of hosts) {
      let id: string;
      do id = `imported-${this.#ids++}`;
      while (taken.has(id));
      added.push({ ...h, id });
    }
    this.imported = [...this.imported, ...added];
    this.schedule(0);
  }

  /** Removes imported hosts: one by id, or every host read from one file. */
  removeImported(which: { readonly id: string } | { readonly file: string }): void {
    const keep = (h: ImportedHost) => ('id' in which ? h.id !== which.id : h.file !== which.file);
    const left = this.imported.filter(keep);
    const gone = this.imported.filter((h) => !keep(h)).map((h) => h.model.name);
    this.imported = left;
    if (this.pickedSource !== undefined && gone.includes(this.pickedSource)) this.pickedSource = undefined;
    if (this.pickedDest !== undefined && gone.includes(this.pickedDest)) this.pickedDest = undefined;
    this.schedule(0);
  }

  remove(id: number): void {
    this.attachments = this.attachments.filter((a) => a.id !== id);
    this.schedule(0);
  }

  clear(): void {
    this.sourceText = '';
    this.destText = '';
    this.attachments = [];
    this.imported = [];
    this.pickedSource = undefined;
    this.pickedDest = undefined;
    this.notices = [];
    this.schedule(0);
  }

  snapshot(): EvidenceSnapshot {
    return {
      sourceText: this.sourceText,
      destText: this.destText,
      attachments: this.attachments.map((a) => ({ name: a.name, side: a.side, text: a.text })),
      ...(this.imported.length > 0 ? { imported: this.imported } : {}),
      migration: this.migration,
      ...(this.pickedSource !== undefined ? { pickedSource: this.pickedSource } : {}),
      ...(this.pickedDest !== undefined ? { pickedDest: this.pickedDest } : {}),
    };
  }

  restore(s: EvidenceSnapshot): void {
    this.sourceText = s.sourceText;
    this.destText = s.destText;
    this.attachments = s.attachments.map((a) => ({ id: this.#ids++, name: a.name, side: a.side, size: a.text.length, text: a.text }));
    this.imported = s.imported ?? [];
    this.migration = s.migration;
    // A case file keeps the kind it was analysed as; only the default (live) stays unchosen.
    this.migrationChosen = s.migration !== 'live';
    this.pickedSource = s.pickedSource;
    this.pickedDest = s.pickedDest;
    this.notices = [];
    this.schedule(0);
  }

  /** Resolves once the newest evaluation has answered (tests and "Analyse" wait on it). */
  async settle(): Promise<EngineOutcome> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      await this.#run();
    }
    while (this.busy) await new Promise((r) => setTimeout(r, 20));
    return this.outcome;
  }

  request(): EngineRequest {
    const inputs: EvidenceText[] = [];
    for (const side of ['source', 'dest'] as const) {
      const text = this.text(side);
      if (text.trim() !== '') inputs.push({ file: PASTE_NAME[side], text, side, defaultHost: side === 'source' ? 'source-host' : 'destination-host' });
      for (const a of this.attachments) {
        if (a.side === side) inputs.push({ file: a.name, text: a.text, side, defaultHost: placeholderHost(a.name), key: `attachment-${a.id}` });
      }
    }
    return {
      inputs,
      ...(this.imported.length > 0 ? { imported: this.imported } : {}),
      ...(this.migrationChosen || this.answers.migration !== undefined ? { migration: this.migration } : {}),
      ...(Object.keys(this.answers).length > 0 ? { answers: this.answers } : {}),
      ...(this.factsMigration !== undefined ? { factsMigration: this.factsMigration } : {}),
      ...(this.pickedSource !== undefined ? { source: this.pickedSource } : {}),
      ...(this.pickedDest !== undefined ? { dest: this.pickedDest } : {}),
    };
  }

  schedule(delay = DEBOUNCE_MS): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    // A reading still in flight answers for evidence that has changed since: drop its answer, so it neither shows a
    // stale outcome nor clears `busy` while this newer reading waits for its timer.
    this.#seq++;
    this.busy = true;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, delay);
  }

  async #run(): Promise<void> {
    const seq = ++this.#seq;
    this.busy = true;
    const outcome = await this.#client.evaluate(this.request());
    if (seq !== this.#seq) return;
    this.outcome = outcome;
    this.busy = false;
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#client.dispose();
  }

  #attach(a: Omit<Attachment, 'id'>): void {
    this.attachments = [...this.attachments, { ...a, id: this.#ids++ }];
    this.schedule(0);
  }
}
