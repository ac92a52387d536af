/**
 * The reports the result screen exports: the core's self-contained HTML report and its Markdown twin
 * (src/core/render), dated now and stamped with the app's version. Pure apart from the clock the caller passes.
 */
import type { AnalysisResult } from '../../core/analyze.ts';
import type { HostModel } from '../../core/model/host.ts';
import { renderHtmlReport } from '../../core/render/html.ts';
import { renderMarkdown } from '../../core/render/markdown.ts';
// Only `version` is bundled (Vite's named JSON exports), as the CLI reads it from package.json too.
import { version } from '../../../package.json';

export const TOOL_VERSION: string = version;

/** `esx01-to-esx02` from the analysed pair; the report's file names start with it. */
export function reportBaseName(source: string | undefined, dest: string | undefined): string {
  const base = [source, dest].filter((s): s is string => s !== undefined && s !== '').join('-to-').replace(/[^\w.-]+/g, '_');
  return base || 'analysis';
}

export function htmlReport(analysis: AnalysisResult, hosts: readonly HostModel[], generatedAt: string): string {
  return renderHtmlReport(analysis, { generatedAt, toolVersion: TOOL_VERSION, hosts });
}

export function markdownReport(analysis: AnalysisResult, generatedAt: string): string {
  return renderMarkdown(analysis, { generatedAt, toolVersion: TOOL_VERSION });
}
