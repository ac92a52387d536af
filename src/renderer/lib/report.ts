/**
 * The reports the result screen exports: the core's self-contained HTML report and its Markdown twin
 * (src/core/render), dated now and stamped with the app's version. Pure apart from the clock the caller passes.
 */
import type { AnalysisResult } from '../../core/analyze.ts';
import type { HostModel } from '../../core/model/host.ts';
import { renderHtmlReport } from '../../core/render/html.ts';
import { renderMarkdown } from '../../core/render/markdown.ts';
import { loadKb } from './learn/kb-loader.ts';
// Only `version` is bundled (Vite's named JSON exports), as the CLI reads it from package.json too.
import { version } from '../../../package.json';

export const TOOL_VERSION: string = version;

/** `esx01-to-esx02` from the analysed pair; the report's file names start with it. */
export function reportBaseName(source: string | undefined, dest: string | undefined): string {
  const base = [source, dest].filter((s): s is string => s !== undefined && s !== '').join('-to-').replace(/[^\w.-]+/g, '_');
  return base || 'analysis';
}

/**
 * The HTML report, with the knowledge-base articles that explain its findings in the appendix (issue 10). The
 * knowledge base is loaded on demand (kb-loader), so exporting a report is what fetches it, not the first screen.
 */
export async function htmlReport(analysis: AnalysisResult, hosts: readonly HostModel[], generatedAt: string): Promise<string> {
  const { articlesForFindings } = await loadKb();
  const articles = articlesForFindings(analysis.findings.map((f) => f.id));
  return renderHtmlReport(analysis, { generatedAt, toolVersion: TOOL_VERSION, hosts, articles });
}

export function markdownReport(analysis: AnalysisResult, generatedAt: string): string {
  return renderMarkdown(analysis, { generatedAt, toolVersion: TOOL_VERSION });
}
