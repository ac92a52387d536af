/**
 * "Open in wizard" from the Scan view: a new case whose evidence is the scanned host, handed to the wizard's
 * evidence-first flow (`start`), which then skips every question the host's model answers. The scan stays in the
 * app (AppState.scan), so the header's "Back to the scan" returns to the same table.
 */
import type { AppState } from '../app-state.svelte.ts';
import type { ImportedHostDraft } from './protocol.ts';

export async function openInWizard(app: AppState, host: ImportedHostDraft): Promise<void> {
  app.newCase();
  app.evidence.addImported([host]);
  app.startFlow('start', false);
  const outcome = await app.evidence.settle();
  if (outcome.kind === 'analysed') {
    app.wizard?.useEvidence(outcome.factsAnalysis ?? outcome.analysis);
    app.say(`${host.model.name} from the scan is the evidence of a new case; the wizard skips what it answers.`);
  } else {
    app.say(`${host.model.name} from the scan was added to a new case, but could not be analysed: see the evidence panel.`);
  }
}
