/**
 * The "past migrations" section of the text and Markdown reports (issue 9): what the host logs of a support
 * bundle show, each address with the vmknic that owns it, under the one sentence that says what a log line proves.
 */
import type { AnalysisResult } from '../analyze.ts';
import type { ObservedAddress, ObservedResult } from '../observed.ts';
import { proofSentences, WHAT_A_LINE_PROVES } from '../observed.ts';
import { mdFence, mdText } from './escape.ts';

const SHOWN = 20;

function address(a: ObservedAddress, port = ''): string {
  if (a.vmknic === undefined) return `${a.address}${port}`;
  const tags = [a.management ? 'management' : undefined, a.vmotionVmknic ? 'vMotion' : undefined].filter(Boolean).join(', ');
  return `${a.address}${port} (${a.host} ${a.vmknic}${tags ? `, ${tags}` : ''})`;
}

function headline(o: ObservedResult): string {
  const when = o.time ?? '(time not logged)';
  const side = (s: ObservedAddress['side']) => o.addresses.filter((a) => a.side === s).map((a) => address(a)).join(' + ') || '?';
  if (o.traffic === 'nfc') {
    const peers = o.addresses.filter((x) => x.side === 'destination').map((x) => address(x, ':902')).join(' + ') || '?';
    return `${when}  ${o.host}: NFC connection to ${peers} failed${o.count && o.count > 1 ? ` (${o.count} times${o.lastTime ? `, last ${o.lastTime}` : ''})` : ''}`;
  }
  const enc = o.encrypted === 'yes' ? 'encrypted' : o.encrypted === 'no' ? 'not encrypted' : 'encryption not logged';
  const outcome = o.outcome === 'failed' ? 'FAILED' : 'no failure logged';
  const dir = o.direction === 'outgoing' ? 'sent' : o.direction === 'incoming' ? 'received' : 'logged';
  return `${when}  ${o.host} ${dir} vMotion${o.vm ? ` of ${o.vm}` : ''}${o.id ? ` ${o.id}` : ''}: ${side('source')} → ${side('destination')}; ${enc}; ${outcome}`;
}

export function observedText(result: AnalysisResult): string[] {
  const observed = result.observed ?? [];
  if (observed.length === 0) return [];
  const out = ['', `PAST MIGRATIONS (from the host logs; ${observed.length})`, `  ${WHAT_A_LINE_PROVES}`];
  for (const o of observed.slice(0, SHOWN)) {
    out.push(`  ${headline(o)}`);
    for (const e of o.evidence.slice(0, 2)) out.push(`      ${e}`);
    if (o.evidence.length > 2) out.push(`      … ${o.evidence.length - 2} more line${o.evidence.length > 3 ? 's' : ''}`);
    for (const p of proofSentences(o)) out.push(`    ${p}`);
  }
  if (observed.length > SHOWN) out.push(`  … ${observed.length - SHOWN} more (see --format json)`);
  return out;
}

/** Host logs are evidence: every value is escaped for Markdown and inline HTML (escape.ts). */
const cell = mdText;

export function observedMarkdown(result: AnalysisResult): string[] {
  const observed = result.observed ?? [];
  if (observed.length === 0) return [];
  const out = ['', '## Past migrations (from the host logs)', '', WHAT_A_LINE_PROVES, ''];
  out.push('| When | Host | Traffic | Source | Destination | Encrypted | Outcome |', '|---|---|---|---|---|---|---|');
  for (const o of observed.slice(0, SHOWN)) {
    // Each address escaped on its own: the `<br>` between them is the only markup in the cell.
    const side = (s: ObservedAddress['side']) => o.addresses.filter((a) => a.side === s).map((a) => cell(address(a))).join('<br>') || '?';
    const traffic = o.traffic === 'nfc' ? `NFC (902)${o.count && o.count > 1 ? ` ×${o.count}` : ''}` : `vMotion ${o.direction}${o.vm ? ` of ${o.vm}` : ''}`;
    out.push(
      `| ${cell(o.time ?? '')} | ${cell(o.host)} | ${cell(traffic)} | ${side('source')} | ${side('destination')} | ${cell(o.encrypted)} | ${o.outcome === 'failed' ? '**failed**' : 'no failure logged'} |`,
    );
  }
  if (observed.length > SHOWN) out.push('', `${observed.length - SHOWN} more in the JSON output.`);
  const lines = observed.slice(0, SHOWN).flatMap((o) => o.evidence.slice(0, 2));
  if (lines.length > 0) {
    out.push('', 'Log lines:', '', ...mdFence(lines, 'text'));
  }
  const proofs = observed.slice(0, SHOWN).filter((o) => proofSentences(o).length > 0);
  if (proofs.length > 0) {
    out.push('', 'Which lines prove what:', '');
    for (const o of proofs) out.push(`- ${cell(`${o.time ?? '(time not logged)'} ${o.host}${o.id ? ` ${o.id}` : ''}: ${proofSentences(o).join(' ')}`)}`);
  }
  return out;
}
