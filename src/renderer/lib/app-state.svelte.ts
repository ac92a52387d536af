/**
 * Which screen is shown and the objects every screen shares, handed down with a typed context (style.md §7:
 * createContext instead of module-level singletons). Also the current case: its identity (the autosave slot),
 * notes, and the mapping of everything on screen to a case file (case/case-content.ts) for saving, opening and
 * autosaving.
 */
import { createContext, untrack } from 'svelte';
import { parseCaseOffThread } from './worker/case-client.ts';
import { capSentence } from '../../core/sentence.ts';
import type { CaseFile, CaseScreen } from '../../core/case/index.ts';
import type { Api, OpenedText } from './api/index.ts';
import { Autosaver } from './case/autosave.ts';
import type { AutosaveItem } from './case/autosave.ts';
import { CaseKeys } from './case/autosave-key.ts';
import { caseFileName, fromCaseFile, isEmptyCase, newCaseId, toCaseFile } from './case/case-content.ts';
import type { CaseContent } from './case/case-content.ts';
import { BundleStore } from './bundle/bundles.svelte.ts';
import { EvidenceStore } from './evidence/evidence.svelte.ts';
import { ScanSession } from './scan/scan-session.svelte.ts';
import { findFlow, WIZARD_MIGRATION, wizardAnswers } from './wizard/flows-adapter.ts';
import { replayAnswers } from './wizard/replay.ts';
import { WizardSession } from './wizard/session.svelte.ts';

export type CaseLoad = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** `start` and `scan` (the estate Scan view) are not part of a case. */
export type Screen = 'start' | 'scan' | CaseScreen;

/** Stands in for updatedAt while comparing a case with the last one saved (same length as a real timestamp). */
const NO_DATE = '1970-01-01T00:00:00.000Z';

/** idle: nothing to save yet; pending: a change waits for its save; saving: being written; saved; failed. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export class AppState {
  screen = $state<Screen>('start');
  /** One polite sentence for the live region (saved, copied, opened…). */
  status = $state('');
  /** Id of the flow being walked, when the user started from a symptom. */
  flowId = $state<string | undefined>(undefined);
  readonly evidence = new EvidenceStore();
  /** Support bundles being read or read for this case (their hosts are in the evidence). */
  readonly bundles = new BundleStore();
  /** The estate Scan view: kept while the window lives, across cases, so a host opened in the wizard can go back. */
  readonly scan = new ScanSession();
  /** The walk through a flow, while one is active. */
  wizard = $state.raw<WizardSession | undefined>(undefined);
  /** The engineer's notes on the case (kept in the case file, not in the report). */
  notes = $state('');
  /** The current case's autosave slot and creation time. */
  caseId = $state(newCaseId());
  createdAt = $state(new Date().toISOString());
  /** How the last autosave went, for the small indicator in the header. */
  saveState = $state<SaveState>('idle');
  /** The case screen last shown: the start page is not part of a case. */
  #caseScreen = $state<CaseScreen>('evidence');
  readonly autosaver: Autosaver;
  #failedOnce = false;
  readonly #keys = new CaseKeys();

  /**
   * `esx01 → esx02` once the evidence names the hosts, else the symptom of the flow being walked (derived: changes
   * only when the text does, so a new analysis of the same hosts does not count as a change of the case).
   */
  readonly title = $derived.by(() => {
    const o = this.evidence.outcome;
    if (o.kind === 'analysed') return [o.source, o.dest].filter(Boolean).join(' → ');
    const flow = this.wizard?.flow;
    // The "start" flow's title is an instruction, not a name for a case.
    return flow && flow.id !== 'start' ? flow.title : undefined;
  });

  constructor(readonly api: Api) {
    this.autosaver = new Autosaver({
      produce: () => this.#autosaveItem(),
      onSaved: () => {
        this.saveState = 'saved';
        this.#failedOnce = false;
      },
      onEmpty: () => {
        this.saveState = 'idle';
      },
      onError: (e) => {
        this.saveState = 'failed';
        // Say it once per run of failures, not per keystroke.
        if (!this.#failedOnce) this.say(`The case could not be autosaved: ${e instanceof Error ? e.message : String(e)}. Use "Save case" to keep it in a file.`);
        this.#failedOnce = true;
      },
    });
  }

  /** Starts (or, when `reset` is false, resumes with the current evidence) the flow of a symptom. */
  startFlow(id: string, reset: boolean): boolean {
    const flow = findFlow(id);
    if (!flow) return false;
    if (reset) this.newCase();
    this.wizard?.stop();
    this.wizard = new WizardSession(flow);
    this.flowId = id;
    this.syncAnswers();
    this.go('wizard');
    return true;
  }

  stopFlow(): void {
    this.wizard?.stop();
    this.wizard = undefined;
    this.flowId = undefined;
    this.evidence.setAnswers({}, undefined);
  }

  /**
   * Hands the walk's answers to the analysis as evidence (measurement, BindToVmknic value, migration kind), so the
   * wizard, the result, the picture, the reports and the case file all show the same answer. The flows' own facts
   * are read from the same evidence analysed as the kind in which every traffic class flows (flows/facts.ts).
   */
  syncAnswers(): void {
    const session = this.wizard;
    this.evidence.setAnswers(session ? wizardAnswers(session.answers) : {}, session ? WIZARD_MIGRATION : undefined);
  }

  go(screen: Screen): void {
    this.screen = screen;
    if (screen !== 'start' && screen !== 'scan') this.#caseScreen = screen;
  }

  say(text: string): void {
    // One status sentence however big the input behind it (a case title, an error from storage): capped.
    const sentence = capSentence(text);
    // Re-announce the same sentence: clear first so screen readers notice the change.
    this.status = '';
    queueMicrotask(() => (this.status = sentence));
  }

  /** Leaves the current case (its last change is saved first) and starts an empty one. */
  newCase(): void {
    this.autosaver.flushNow();
    this.stopFlow();
    this.caseId = newCaseId();
    this.createdAt = new Date().toISOString();
    this.notes = '';
    this.bundles.clear();
    this.evidence.clear();
    this.evidence.setMigration('live', false);
    this.#caseScreen = 'evidence';
    this.saveState = 'idle';
  }

  /** Everything a case file keeps. Read inside an effect, it tracks every part of the case (autosave). */
  caseContent(): CaseContent {
    const session = this.wizard;
    const position = session?.position;
    const title = this.title;
    return {
      ...(title !== undefined ? { title } : {}),
      screen: this.#caseScreen,
      evidence: this.evidence.snapshot(),
      answers: session?.answers ?? {},
      ...(session && position ? { flow: { id: session.flow.id, ...position } } : {}),
      notes: this.notes,
    };
  }

  /** Call inside an effect: reads every part of the case (so the effect re-runs on any change) and schedules a save. */
  autosaveOnChange(): void {
    const content = this.caseContent();
    untrack(() => {
      this.autosaver.changed();
      if (this.saveState !== 'saving' && !isEmptyCase(content, this.wizard?.flow.answers)) this.saveState = 'pending';
    });
  }

  caseFile(updatedAt = new Date().toISOString()): CaseFile {
    return toCaseFile(this.caseContent(), { createdAt: this.createdAt, updatedAt });
  }

  /**
   * The save of the case as it stands. Nothing is stringified here beyond the small key (big evidence texts stand
   * in it as tokens): the host API writes the text, in the case worker when the case is big.
   */
  #autosaveItem(): AutosaveItem | undefined {
    const content = this.caseContent();
    if (isEmptyCase(content, this.wizard?.flow.answers)) return undefined;
    const file = toCaseFile(content, { createdAt: this.createdAt, updatedAt: NO_DATE });
    const { key, size } = this.#keys.of(file);
    const id = this.caseId;
    return {
      key: `${id}\n${key}`,
      size,
      landsAtOnce: this.api.autosaveLandsAtOnce(size),
      write: () => {
        this.saveState = 'saving';
        return this.api.autosave({ id, file: { ...file, updatedAt: new Date().toISOString() }, size });
      },
    };
  }

  async saveCase(): Promise<void> {
    const c = this.caseFile();
    try {
      const said = await this.api.saveCase(caseFileName(c.title), c, this.#keys.of(c).size);
      if (said) this.say(said);
    } catch (e) {
      this.say(`The case could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Opens a case file (or an autosaved case, `recentId`) on the screen it was left on: evidence, picks, migration
   * kind, notes, and the wizard replayed to the same question with the same answers. A file that cannot be read
   * changes nothing and returns the sentence saying why.
   */
  async openCase(file: OpenedText, recentId?: string): Promise<CaseLoad> {
    // Off the UI thread: a huge or hostile case file must not freeze the app while it is read (issue 17).
    const read = await parseCaseOffThread(file.text, file.name);
    if (!read.ok) {
      // An autosaved case that cannot be opened is marked on the recent list (which says why and offers to remove
      // it), so it is never taken for a good one again.
      if (recentId !== undefined) await this.api.markRecentFailed(recentId, read.error).catch(() => undefined);
      return { ok: false, message: read.error };
    }
    const content = fromCaseFile(read.case);

    this.autosaver.flushNow();
    this.stopFlow();
    this.caseId = recentId ?? newCaseId();
    this.createdAt = read.case.createdAt;
    this.notes = content.notes;
    this.bundles.clear();
    this.evidence.restore(content.evidence);
    this.saveState = 'idle';

    let screen: CaseScreen = content.screen;
    const flow = content.flow ? findFlow(content.flow.id) : undefined;
    if (flow && content.flow) {
      const session = new WizardSession(flow);
      this.wizard = session;
      this.flowId = flow.id;
      // Answers given before the evidence was used, then the evidence, then the answers after it: the same order
      // the walk most likely had, and the machine routes by answers, so the path comes out the same.
      replayAnswers(session, content.answers);
      this.syncAnswers();
      if (content.flow.evidenceUsed) {
        const o = await this.evidence.settle();
        if (o.kind === 'analysed') {
          session.useEvidence(o.factsAnalysis ?? o.analysis);
          replayAnswers(session, content.answers);
          this.syncAnswers();
        }
      }
    } else if (screen === 'wizard') {
      screen = 'evidence';
    }
    const outcome = await this.evidence.settle();
    if (screen === 'result' && outcome.kind !== 'analysed') screen = flow ? 'wizard' : 'evidence';
    this.go(screen);

    // An autosaved case reopened as it was needs no new save; a file opened becomes a new autosaved case.
    if (recentId !== undefined) {
      const item = this.#autosaveItem();
      if (item) this.autosaver.markSaved(item.key);
    }
    const name = read.case.title ?? file.name;
    this.say(read.migratedFrom !== undefined ? `Opened ${name}, saved by an older version of the app and converted to the current case format.` : `Opened ${name}.`);
    return { ok: true };
  }
}

export const [getApp, setApp] = createContext<AppState>();
