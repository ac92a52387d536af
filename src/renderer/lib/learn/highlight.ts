/**
 * A search hit's snippet cut into plain and marked pieces from its highlight offsets (src/kb SearchHit), so the
 * Learn list can render `<mark>` without building HTML from text.
 */
export interface SnippetPiece {
  readonly text: string;
  readonly marked: boolean;
}

export function snippetPieces(snippet: string, highlights: readonly (readonly [number, number])[]): SnippetPiece[] {
  // Clamp, order and merge the ranges: overlapping or out-of-range offsets must not duplicate or lose text.
  const ranges = highlights
    .map(([s, e]) => [Math.max(0, Math.min(s, snippet.length)), Math.max(0, Math.min(e, snippet.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const pieces: SnippetPiece[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    if (start > at) pieces.push({ text: snippet.slice(at, start), marked: false });
    const last = pieces[pieces.length - 1];
    if (last?.marked && start === at) pieces[pieces.length - 1] = { text: last.text + snippet.slice(start, e), marked: true };
    else pieces.push({ text: snippet.slice(start, e), marked: true });
    at = e;
  }
  if (at < snippet.length) pieces.push({ text: snippet.slice(at), marked: false });
  return pieces;
}

/**
 * The snippet without Markdown's code backticks (src/kb cuts snippets from the article source), with the highlight
 * offsets moved to match, so "`esxcfg-advcfg -g`" reads as plain text in the list.
 */
export function withoutBackticks(
  snippet: string,
  highlights: readonly (readonly [number, number])[],
): { snippet: string; highlights: [number, number][] } {
  // removedBefore[i]: how many backticks precede offset i.
  const removedBefore: number[] = [0];
  let text = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i] as string;
    if (ch !== '`') text += ch;
    removedBefore.push((removedBefore[i] as number) + (ch === '`' ? 1 : 0));
  }
  const at = (i: number) => {
    const k = Math.max(0, Math.min(i, snippet.length));
    return k - (removedBefore[k] as number);
  };
  return { snippet: text, highlights: highlights.map(([s, e]) => [at(s), at(e)] as [number, number]).filter(([s, e]) => e > s) };
}
