/**
 * Columns are found by header name, never by position (imports.md: "the single rule behind everything"). Header
 * names are normalised — lower case, no spaces or punctuation, `MiB` read as `MB`, the tab prefix of RVTools'
 * `-DBColumnNames` headers dropped (`vHostCluster` → `cluster`) — and looked up in an alias table per column.
 * The first column with a name wins; later columns with the same name (a custom attribute that repeats a built-in
 * name, imports.md §1.1) are reported, not used.
 */

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  /** Normalised names, most specific first. */
  readonly aliases: readonly string[];
  /** The name the tool prints, for messages. */
  readonly display: string;
  /** Without it the file is not this format at all. */
  readonly required?: boolean;
  /** What a file without this column leaves unknown (for the source report); absent: nothing the scan needs. */
  readonly leaves?: string;
  /** A column only some versions have: its absence is not reported. */
  readonly quiet?: boolean;
}

export interface Located<K extends string> {
  readonly index: Partial<Record<K, number>>;
  /** Specs not found (except quiet ones), with what they leave unknown. */
  readonly missing: readonly ColumnSpec<K>[];
  /** Header names that appear more than once (first occurrence used). */
  readonly duplicates: readonly string[];
}

/** `IP 6 Address` → `ip6address`; `# Memory MiB` → `memorymb`; `vHostCluster` (prefix `vhost`) → `cluster`. */
export function normaliseHeader(header: string, prefix?: string): string {
  let n = header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .replace(/mib/g, 'mb');
  if (prefix && n.length > prefix.length && n.startsWith(prefix)) n = n.slice(prefix.length);
  return n;
}

export function locateColumns<K extends string>(header: readonly string[], specs: readonly ColumnSpec<K>[], prefix?: string): Located<K> {
  const first = new Map<string, number>();
  const duplicates: string[] = [];
  header.forEach((h, i) => {
    const n = normaliseHeader(h, prefix);
    if (n === '') return;
    if (first.has(n)) {
      if (!duplicates.includes(h.trim())) duplicates.push(h.trim());
      return;
    }
    first.set(n, i);
  });
  const index: Partial<Record<K, number>> = {};
  const missing: ColumnSpec<K>[] = [];
  const used = new Set<number>();
  for (const spec of specs) {
    const found = spec.aliases.map((a) => first.get(a)).find((i) => i !== undefined && !used.has(i));
    if (found === undefined) {
      if (!spec.quiet) missing.push(spec);
    }
    else {
      index[spec.key] = found;
      used.add(found);
    }
  }
  return { index, missing, duplicates };
}

/** How many of the specs' primary aliases a header has: used to recognise a format from its header. */
export function headerScore(header: readonly string[], aliases: readonly string[], prefix?: string): number {
  const names = new Set(header.map((h) => normaliseHeader(h, prefix)));
  return aliases.filter((a) => names.has(a)).length;
}
