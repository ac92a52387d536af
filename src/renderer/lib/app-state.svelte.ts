/**
 * Which screen is shown and the objects every screen shares, handed down with a typed context (style.md §7:
 * createContext instead of module-level singletons).
 */
import { createContext } from 'svelte';
import type { Api } from './api/index.ts';
import { CASE_FORMAT, CASE_VERSION, caseToJson, readCase } from './case-file.ts';
import type { CaseFile } from './case-file.ts';
import { EvidenceStore } from './evidence/evidence.svelte.ts';
import { remember } from './recent.ts';
import { findFlow, WIZARD_MIGRATION } from './wizard/flows-adapter.ts';
import { WizardSession } from './wizard/session.svelte.ts';

export type CaseLoad = { readonly ok: true; readonly flow?: string } | { readonly ok: false; readonly message: string };

export type Screen = 'start' | 'evidence' | 'result' | 'wizard';

export class AppState {
  screen = $state<Screen>('start');
  /** One polite sentence for the live region (saved, copied, opened…). */
  status = $state('');
  /** Id of the flow being walked, when the user started from a symptom. */
  flowId = $state<string | undefined>(undefined);
  readonly evidence = new EvidenceStore();
  /** The walk through a flow, while one is active. */
  wizard = $state.raw<WizardSession | undefined>(undefined);

  constructor(readonly api: Api) {}

  /** Starts (or, when `reset` is false, resumes with the current evidence) the flow of a symptom. */
  startFlow(id: string, reset: boolean): boolean {
    const flow = findFlow(id);
    if (!flow) return false;
    if (reset) this.evidence.clear();
    this.wizard?.stop();
    this.wizard = new WizardSession(flow);
    // The flows read evidence analysed as the kind in which every traffic class flows (flows/facts.ts).
    this.evidence.setMigration(WIZARD_MIGRATION);
    this.flowId = id;
    this.go('wizard');
    return true;
  }

  stopFlow(): void {
    this.wizard?.stop();
    this.wizard = undefined;
    this.flowId = undefined;
  }

  go(screen: Screen): void {
    this.screen = screen;
  }

  say(text: string): void {
    // Re-announce the same sentence: clear first so screen readers notice the change.
    this.status = '';
    queueMicrotask(() => (this.status = text));
  }

  caseFile(): CaseFile {
    const o = this.evidence.outcome;
    const title = o.kind === 'analysed' ? [o.source, o.dest].filter(Boolean).join(' → ') : 'Untitled case';
    return {
      format: CASE_FORMAT,
      version: CASE_VERSION,
      savedAt: new Date().toISOString(),
      title,
      ...(this.flowId !== undefined ? { flow: this.flowId } : {}),
      evidence: $state.snapshot(this.evidence.snapshot()),
    };
  }

  rememberCase(): void {
    if (this.evidence.hasInput) remember(this.caseFile());
  }

  async saveCase(): Promise<void> {
    const c = this.caseFile();
    const name = `${c.title.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'case'}.vpd.json`;
    try {
      const said = await this.api.saveCase(name, caseToJson(c));
      if (said) this.say(said);
    } catch (e) {
      this.say(`The case could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Restores a case; returns the flow id it was walked with, or a sentence saying why it could not be read. */
  loadCase(name: string, text: string): CaseLoad {
    const read = readCase(name, text);
    if (!read.ok) return read;
    this.evidence.restore(read.value.evidence);
    this.say(`Opened ${read.value.title}.`);
    return { ok: true, ...(read.value.flow !== undefined ? { flow: read.value.flow } : {}) };
  }
}

export const [getApp, setApp] = createContext<AppState>();
