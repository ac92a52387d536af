/**
 * Export of the Scan view's table as it stands (filtered and sorted): the core's own CSV and Markdown renderers
 * on the shown hosts, so the columns and the formula neutralisation (core/estate/cells.ts) are the CLI's.
 */
import { markdownCell, renderScanCsv, renderScanMarkdown } from '../../../core/estate/index.ts';
import type { ScanResult } from '../../../core/estate/types.ts';
import type { HostRow } from './table.ts';

function shown(result: ScanResult, rows: readonly HostRow[]): ScanResult {
  return { ...result, hosts: rows.map((r) => result.hosts[r.index]!) };
}

export function exportCsv(result: ScanResult, rows: readonly HostRow[]): string {
  return renderScanCsv(shown(result, rows));
}

/** The Markdown report; when the table is filtered, the Hosts section says how many of the estate it shows. */
export function exportMarkdown(result: ScanResult, rows: readonly HostRow[], filter: string): string {
  const md = renderScanMarkdown(shown(result, rows));
  if (filter === '' && rows.length === result.hosts.length) return md;
  const note = `Hosts shown: ${rows.length} of ${result.hosts.length}${filter !== '' ? ` (filter: ${markdownCell(filter)})` : ''}.\n\n`;
  return md.replace('\n## Hosts\n\n', `\n## Hosts\n\n${note}`);
}

export const EXPORT_NAMES = { csv: 'estate-scan.csv', markdown: 'estate-scan.md' } as const;
