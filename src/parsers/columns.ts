/**
 * Column tables (domain.md §4 "General rules for parsers"). esxcfg-* and esxcli print fixed-width tables whose
 * widths change between builds and even between hosts of one build (the IP Address column is 25 or 40 wide), and
 * pastes arrive aligned, with tabs, or squeezed to single spaces by a web page. So columns are never taken from
 * fixed offsets: this module finds them in the header line of the block by their known names (and in the dash
 * ruler under it, whose widths follow the data, §4.3), then reads each row into named cells.
 *
 * Reading a row is an alignment. The row's words are cut, in order, into one run per column so that every cell
 * passes its column's typed check (vmk name, IPv4, mask, MAC, integer, true/false…); among the cuts that pass,
 * the one whose words sit closest to their column in the printed layout wins. Cells may hold single spaces
 * (`Management Network`, `STATIC, PREFERRED`, `Local Subnet`), a value longer than its column pushes the next
 * ones right, and a squeezed paste has no layout at all — the typed checks carry those cases. A cell is kept only
 * when every best cut gives it the same text; otherwise it is refused (reported), never guessed.
 */
import type { Line, ParserWarning } from './types.ts';
import { nearestKnown } from './damage.ts';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** One column a table may have. */
export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  /** Header spellings, compared case-insensitively; `_` matches a space (5.0 prints `Port_Group`, §4.1 c). */
  readonly names: readonly string[];
  /** Typed check of a cell (its words joined by single spaces). */
  readonly accepts: (cell: string) => boolean;
  /** What a valid cell is, for warnings: "an IPv4 address". */
  readonly expected: string;
  /** The cell may be blank (Broadcast of an IPv6 row, Uplinks of a switch without uplinks). */
  readonly mayBeEmpty?: boolean;
  /** Most words the cell can hold: 1 by default, `Infinity` for free text such as port-group names. */
  readonly maxWords?: number;
}

/** The columns of one kind of table and what makes a line its header. */
export interface TableVocabulary<K extends string> {
  readonly columns: readonly ColumnSpec<K>[];
  /** The column every header of this table starts with. */
  readonly first: K;
  /** Columns the header must show to be this table. */
  readonly required: readonly K[];
}

// ---------------------------------------------------------------------------------------------------------------
// Words and positions
// ---------------------------------------------------------------------------------------------------------------

const TAB_STOP = 8;

type Gap = 'start' | 'single' | 'wide' | 'tab';

interface Token {
  readonly text: string;
  /** Display column of the first character (tabs expanded to stops of 8). */
  readonly start: number;
  /** The blank run before this word: one space, two or more, or containing a tab. */
  readonly gap: Gap;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let col = 0;
  let word = '';
  let wordStart = 0;
  let spaces = 0;
  let tab = false;
  const push = (): void => {
    if (word === '') return;
    const gap: Gap = tokens.length === 0 ? 'start' : tab ? 'tab' : spaces >= 2 ? 'wide' : 'single';
    // Markdown emphasis a forum adds around a value (`**00:50:56:6f:1a:2b**`) is not part of it.
    const bare = word.replace(/^(?:\*\*|__)(?=\S)/, '').replace(/(?<=\S)(?:\*\*|__)$/, '');
    tokens.push({ text: bare === '' ? word : bare, start: wordStart, gap });
    word = '';
    spaces = 0;
    tab = false;
  };
  for (const ch of text) {
    // Zero-width characters a web page slips into copied text (inside an address they would spoil it).
    if (/[\u200b-\u200d\u2060]/.test(ch)) continue;
    if (ch === '\t') {
      push();
      tab = true;
      col = (Math.floor(col / TAB_STOP) + 1) * TAB_STOP;
    } else if (/\s/.test(ch)) {
      push();
      spaces++;
      col++;
    } else {
      if (word === '') wordStart = col;
      word += ch;
      col++;
    }
  }
  push();
  return tokens;
}

/**
 * Lines a table reader passes over silently: blank, markdown fences, a bare prompt left at the end of a paste,
 * and the pager marks of `| more` / `| less` (`--More--`, `(END)`).
 */
export function isSkippable(text: string): boolean {
  const t = text.trim();
  return (
    t === '' ||
    /^(```|~~~)/.test(t) ||
    /^(\[[^\]\s]*@[^\]]*\]|~|\/[\w./-]*)\s*[#$]?$/.test(t) ||
    /^(--More--.*|\(END\)|:)$/.test(t)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------------------------

/** A column as placed by the header (or ruler) of one table. */
export interface PlacedColumn<K extends string> {
  /** Undefined for a header word this table does not know (a column added by a newer build): read, not used. */
  readonly spec?: ColumnSpec<K>;
  /** As printed in the header. */
  readonly title: string;
  /** Display column where the column starts. */
  readonly start: number;
  /** Where the next column starts (Infinity for the last one). */
  readonly end: number;
}

export interface TableLayout<K extends string> {
  readonly columns: readonly PlacedColumn<K>[];
  /**
   * True when the printed positions can be trusted: the header is aligned with runs of spaces (or the ruler is).
   * False for squeezed or tab-separated pastes and wrapped headers: then only the typed checks place cells.
   */
  readonly positional: boolean;
  /** The header line (the first one if the header was wrapped). */
  readonly header: Line;
  /** Header, its wrapped continuation and the ruler: the lines the layout was read from. */
  readonly lines: readonly Line[];
  /** Header words this table does not know. */
  readonly unknownTitles: readonly string[];
  /** Damaged header words read as a known column name, for the warning (`"IP ddress" read as IP Address`). */
  readonly repairs: readonly string[];
}

/** True when the layout has that column. */
export function hasColumn<K extends string>(layout: TableLayout<K>, key: K): boolean {
  return layout.columns.some((c) => c.spec?.key === key);
}

interface HeaderWord {
  readonly norm: string;
  readonly text: string;
  readonly start: number;
  readonly gap: Gap | 'joined';
}

interface FoundColumn<K extends string> {
  spec?: ColumnSpec<K>;
  title: string;
  start: number;
  gap: Gap | 'joined';
  /** How a damaged title was read: `"IP ddress" read as IP Address`. */
  repaired?: string;
}

function headerWords(text: string): HeaderWord[] {
  const words: HeaderWord[] = [];
  for (const token of tokenize(text)) {
    // `Port_Group`, `IP_Family` (5.0, §4.1 c): underscores stand for the space of the real name.
    let offset = 0;
    token.text.split('_').forEach((part, index) => {
      if (part !== '') {
        words.push({
          norm: part.toLowerCase(),
          text: part,
          start: token.start + offset,
          gap: index === 0 ? token.gap : 'joined',
        });
      }
      offset += part.length + 1;
    });
  }
  return words;
}

interface NameCandidate<K extends string> {
  readonly spec: ColumnSpec<K>;
  readonly words: readonly string[];
}

// Vocabularies are module constants: build each one's candidate list once, not on every line.
const CANDIDATES = new WeakMap<readonly ColumnSpec<string>[], readonly NameCandidate<string>[]>();

function candidatesOf<K extends string>(specs: readonly ColumnSpec<K>[]): readonly NameCandidate<K>[] {
  let cached = CANDIDATES.get(specs) as readonly NameCandidate<K>[] | undefined;
  if (cached === undefined) {
    cached = specs
      .flatMap((spec) => spec.names.map((name) => ({ spec, words: name.toLowerCase().split(/[\s_]+/).filter((w) => w !== '') })))
      .sort((a, b) => b.words.length - a.words.length);
    CANDIDATES.set(specs, cached as readonly NameCandidate<string>[]);
  }
  return cached;
}

function matchHeader<K extends string>(text: string, specs: readonly ColumnSpec<K>[]): FoundColumn<K>[] {
  const candidates = candidatesOf(specs);
  const words = headerWords(text);
  const found: FoundColumn<K>[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (word === undefined) break;
    const match = candidates.find(
      (c) =>
        c.words.every((w, j) => words[i + j]?.norm === w) &&
        // A multi-word name never spans a column gap: `Type  NetStack` is two columns.
        c.words.every((_, j) => j === 0 || ['single', 'joined'].includes(words[i + j]?.gap ?? '')),
    );
    if (match !== undefined) {
      const title = words.slice(i, i + match.words.length).map((w) => w.text).join(' ');
      // A name printed twice (`Network Network Gateway` in a hand-edited post) cannot be the same column twice.
      const duplicate = found.some((f) => f.spec?.key === match.spec.key);
      found.push({ ...(duplicate ? {} : { spec: match.spec }), title, start: word.start, gap: word.gap });
      i += match.words.length;
      continue;
    }
    // Letters lost by an encoding or a font (`IP ddress`, `MC ddress`): the nearest known name, when only one is.
    const near = fuzzyCandidate(words, i, candidates, found);
    if (near !== undefined) {
      const title = words.slice(i, i + near.words.length).map((w) => w.text).join(' ');
      const name = near.spec.names.find((n) => n.toLowerCase().split(/[\s_]+/).join(' ') === near.words.join(' ')) ?? near.words.join(' ');
      found.push({ spec: near.spec, title, start: word.start, gap: word.gap, repaired: `"${title}" read as ${name}` });
      i += near.words.length;
      continue;
    }
    const previous = found[found.length - 1];
    if (previous !== undefined && previous.spec === undefined && (word.gap === 'single' || word.gap === 'joined')) {
      previous.title += ` ${word.text}`;
    } else {
      found.push({ title: word.text, start: word.start, gap: word.gap });
    }
    i++;
  }
  return found;
}

/**
 * A column name whose words are each a near miss of the printed words (one lost, doubled or swapped letter; two
 * in words of 8+ letters; a word of 3 letters or fewer only by one lost letter). Only names not yet found qualify,
 * and only one may be that near: an ambiguous damaged word stays unknown.
 */
function fuzzyCandidate<K extends string>(
  words: readonly HeaderWord[],
  i: number,
  candidates: readonly NameCandidate<K>[],
  found: readonly FoundColumn<K>[],
): NameCandidate<K> | undefined {
  const matches = candidates.filter(
    (c) =>
      !found.some((f) => f.spec?.key === c.spec.key) &&
      c.words.every((w, j) => {
        const printed = words[i + j];
        if (printed === undefined || (j > 0 && !['single', 'joined'].includes(printed.gap))) return false;
        return nearestKnown(printed.norm, [w]) !== undefined;
      }),
  );
  const keys = new Set(matches.map((m) => m.spec.key));
  if (keys.size !== 1) return undefined;
  // The longest name of that column (so `IP ddress` is `IP Address`, not `IP` + a stray word).
  return matches.sort((a, b) => b.words.length - a.words.length)[0];
}

function isRuler(text: string): boolean {
  return /^\s*[-=]{2,}[-=+|\s]*$/.test(text);
}

/**
 * A narrow terminal wraps a long header (and may cut a name: `MTU     T` / `SO MSS   Enabled`). The following
 * lines are joined on when the joined header then names only known columns, and more of them; both ways of
 * joining (as is, or with a blank for trimmed trailing blanks) must agree.
 */
const VOCABULARY_WORDS = new WeakMap<readonly ColumnSpec<string>[], ReadonlySet<string>>();

/** Every word of every column name of a vocabulary, lower-cased (`ip`, `address`, `port`, `group/dvport`, …). */
function headerVocabularyWords<K extends string>(specs: readonly ColumnSpec<K>[]): ReadonlySet<string> {
  let words = VOCABULARY_WORDS.get(specs);
  if (words === undefined) {
    words = new Set(candidatesOf(specs).flatMap((c) => c.words));
    VOCABULARY_WORDS.set(specs, words);
  }
  return words;
}

function unwrapHeader<K extends string>(
  lines: readonly Line[],
  index: number,
  specs: readonly ColumnSpec<K>[],
  found: readonly FoundColumn<K>[],
): { found: FoundColumn<K>[]; used: number } | undefined {
  const first = lines[index]?.text ?? '';
  // A wrapped header continues with a header word; a data row (the usual next line) never does, and trying every
  // join of a data row costs more than reading the whole table.
  // (or with the rest of a name cut mid-word: `MAC Add` / `ress`).
  const nextWord = lines[index + 1]?.text.trim().split(/\s+/)[0]?.toLowerCase();
  if (nextWord === undefined || nextWord === '') return undefined;
  const vocabulary = headerVocabularyWords(specs);
  if (!vocabulary.has(nextWord) && ![...vocabulary].some((w) => w.endsWith(nextWord))) return undefined;
  const known = (f: readonly FoundColumn<K>[]): number => f.filter((c) => c.spec !== undefined).length;
  for (let used = 1; used <= 3; used++) {
    const pieces = lines.slice(index + 1, index + 1 + used).map((l) => l.text);
    if (pieces.length < used || pieces.some((p) => p.trim() === '' || isRuler(p))) return undefined;
    const readings = new Map<string, FoundColumn<K>[]>();
    for (let mask = 0; mask < 1 << used; mask++) {
      let text = first;
      pieces.forEach((piece, p) => {
        text += (mask >> p) & 1 ? ` ${piece.trimStart()}` : piece;
      });
      const joined = matchHeader(text, specs);
      if (joined.every((c) => c.spec !== undefined) && known(joined) > known(found)) {
        readings.set(joined.map((c) => c.spec?.key).join('|'), joined);
      }
    }
    const [only, ...more] = [...readings.values()];
    if (only !== undefined) return more.length === 0 ? { found: only, used } : undefined;
  }
  return undefined;
}

const FIRST_WORDS = new WeakMap<object, readonly string[]>();

function mayStartHeader<K extends string>(text: string, vocabulary: TableVocabulary<K>): boolean {
  let words = FIRST_WORDS.get(vocabulary);
  if (words === undefined) {
    words = vocabulary.columns
      .filter((c) => c.key === vocabulary.first)
      .flatMap((c) => c.names.map((n) => n.toLowerCase().split(/[\s_]+/)[0] ?? ''))
      .filter((w) => w !== '');
    FIRST_WORDS.set(vocabulary, words);
  }
  // The header's first cell opens the line (after indentation or quoting that a blog or e-mail added).
  const lower = text.replace(/^[\s>|`*#-]+/, '').slice(0, 40).toLowerCase();
  return words.some((w) => lower.startsWith(w));
}

/**
 * Reads the header of a table at `lines[index]` (plus a wrapped continuation and a dash ruler under it).
 * `strict` (for `startsAt`) also refuses header words the vocabulary does not know, so only a real header of this
 * table is recognised.
 */
export function headerAt<K extends string>(
  lines: readonly Line[],
  index: number,
  vocabulary: TableVocabulary<K>,
  strict = false,
): { readonly layout: TableLayout<K>; readonly next: number } | undefined {
  const line = lines[index];
  if (line === undefined) return undefined;
  // Cheap rejection first: every line of a paste is offered to every table parser while splitting, and a header
  // starts with the first word of its first column's name.
  if (!mayStartHeader(line.text, vocabulary)) return undefined;
  let found = matchHeader(line.text, vocabulary.columns);
  if (found[0]?.spec?.key !== vocabulary.first) return undefined;
  const layoutLines: Line[] = [line];
  let next = index + 1;
  const unwrapped = unwrapHeader(lines, index, vocabulary.columns, found);
  const wrapped = unwrapped !== undefined;
  if (unwrapped !== undefined) {
    found = unwrapped.found;
    layoutLines.push(...lines.slice(index + 1, index + 1 + unwrapped.used));
    next += unwrapped.used;
  }
  let keys = new Set(found.flatMap((f) => (f.spec ? [f.spec.key] : [])));
  const missing = vocabulary.required.filter((k) => !keys.has(k));
  if (missing.length === 1) {
    // A known name printed twice where a required column stands (`Network Network Gateway`, ELATOV 2012): the
    // repeated title is that column, misprinted; its cells are checked by type like any other.
    const names = new Set(vocabulary.columns.flatMap((c) => c.names.map((n) => n.toLowerCase())));
    const repeated = found.filter((f) => f.spec === undefined && names.has(f.title.toLowerCase()));
    const spec = vocabulary.columns.find((c) => c.key === missing[0]);
    if (repeated.length === 1 && spec !== undefined) {
      const column = repeated[0] as FoundColumn<K>;
      column.spec = spec;
      column.repaired = `the second "${column.title}" read as ${spec.names[0] ?? spec.key} (the header names ${column.title} twice)`;
      keys = new Set(found.flatMap((f) => (f.spec ? [f.spec.key] : [])));
    }
  }
  if (!vocabulary.required.every((k) => keys.has(k))) return undefined;
  // A header mostly guessed is no header: damaged names must stay fewer than the ones printed right.
  const repairedCount = found.filter((f) => f.repaired !== undefined).length;
  if (repairedCount > 0 && repairedCount * 2 > found.filter((f) => f.spec !== undefined).length) return undefined;
  if (strict && found.some((f) => f.spec === undefined)) return undefined;

  const gaps = found.slice(1).map((f) => f.gap);
  let starts = found.map((f) => f.start);
  let positional = !wrapped && gaps.includes('wide') && !gaps.includes('tab');
  const rulerLine = lines[next];
  if (rulerLine !== undefined && isRuler(rulerLine.text)) {
    layoutLines.push(rulerLine);
    next++;
    const segments = tokenize(rulerLine.text);
    if (!wrapped && segments.length === found.length && segments.length > 1) {
      // The ruler is as wide as the data, the header words may not be (§4.3): trust the ruler.
      starts = segments.map((s) => s.start);
      const rulerGaps = segments.slice(1).map((s) => s.gap);
      positional = rulerGaps.includes('wide') && !rulerGaps.includes('tab');
    }
  }
  const columns = found.map((f, i) => ({
    ...(f.spec ? { spec: f.spec } : {}),
    title: f.title,
    start: starts[i] ?? 0,
    end: starts[i + 1] ?? Infinity,
  }));
  return {
    layout: {
      columns,
      positional,
      header: line,
      lines: layoutLines,
      unknownTitles: found.filter((f) => f.spec === undefined).map((f) => f.title),
      repairs: found.flatMap((f) => (f.repaired !== undefined ? [f.repaired] : [])),
    },
    next,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------------------

export interface RefusedCell<K extends string> {
  readonly key: K;
  readonly title: string;
  readonly reason: string;
}

/** Cells by column key: the text (words joined by single spaces), `''` for a blank cell. */
export type Cells<K extends string> = Partial<Record<K, string>>;

export type RowReading<K extends string> =
  | {
      readonly kind: 'row';
      readonly cells: Cells<K>;
      readonly refused: readonly RefusedCell<K>[];
      /** Damage undone to read the row (a tab inside a value), for the warning. */
      readonly repairs?: readonly string[];
    }
  | { readonly kind: 'mismatch'; readonly reason: string };

// Costs of a cut. Integers, so "equally good" is exact equality.
const INF = Number.POSITIVE_INFINITY;
/** A cell failing its typed check (only in the lenient second pass). Dominates every other cost. */
const MISMATCH = 10_000_000;
/** A word gap of a tab or 2+ spaces inside one cell of an unaligned row: such gaps usually separate columns. */
const GAP_INSIDE = 50;
const MAX_DISTANCE = 1000;
// The widest real rows (a NIC with a long description) hold about 25 words.
const MAX_WORDS_PER_ROW = 60;
/** The lenient pass may refuse at most this many cells of a row; more means the row is not this table's. */
const MAX_MISMATCHED = 2;
const LENIENT_LIMIT = (MAX_MISMATCHED + 1) * MISMATCH;

function joinWords(tokens: readonly Token[], a: number, b: number): string {
  let text = '';
  for (let t = a; t < b; t++) text += (t > a ? ' ' : '') + (tokens[t]?.text ?? '');
  return text;
}

function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

interface Cut {
  /** Best cost of a cut of tokens [0, a) into columns [0, j): f[j * (m + 1) + a]. */
  readonly f: Float64Array;
  /** Best cost of a cut of tokens [a, m) into columns [j, k). */
  readonly g: Float64Array;
  readonly best: number;
  readonly cost: (j: number, a: number, b: number) => number;
}

function cutRow<K extends string>(
  tokens: readonly Token[],
  columns: readonly PlacedColumn<K>[],
  positional: boolean,
  lenient: boolean,
): Cut {
  const k = columns.length;
  const m = tokens.length;
  const memo = new Map<number, number>();
  const cost = (j: number, a: number, b: number): number => {
    const id = (j * (m + 1) + a) * (m + 1) + b;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const column = columns[j];
    let c = 0;
    if (column === undefined) {
      c = INF;
    } else if (a === b) {
      c = column.spec === undefined || column.spec.mayBeEmpty === true ? 0 : INF;
    } else if (b - a > (column.spec === undefined ? Infinity : column.spec.maxWords ?? 1)) {
      c = INF;
    } else {
      // The first column is the row's key (vmkN, vmnicN, a network): a row without one is not this table's row.
      if (column.spec !== undefined && !column.spec.accepts(joinWords(tokens, a, b))) c = lenient && j > 0 ? MISMATCH : INF;
      for (let t = a; t < b && c < INF; t++) {
        const token = tokens[t] as Token;
        if (positional) {
          const d = token.start < column.start ? column.start - token.start : token.start >= column.end ? token.start - column.end + 1 : 0;
          c += Math.min(d, MAX_DISTANCE);
        } else if (t > a && (token.gap === 'tab' || token.gap === 'wide')) {
          c += GAP_INSIDE;
        }
      }
    }
    memo.set(id, c);
    return c;
  };
  const maxWords = (j: number): number => {
    const spec = columns[j]?.spec;
    return spec === undefined ? m : Math.min(m, spec.maxWords ?? 1);
  };
  const at = (j: number, a: number): number => j * (m + 1) + a;
  const f = new Float64Array((k + 1) * (m + 1)).fill(INF);
  f[0] = 0;
  for (let j = 0; j < k; j++) {
    for (let a = 0; a <= m; a++) {
      const fa = f[at(j, a)] as number;
      if (fa === INF) continue;
      for (let b = a; b <= Math.min(m, a + maxWords(j)); b++) {
        const c = cost(j, a, b);
        // More refused cells than the lenient pass allows is as good as no reading: prune it early.
        if (c !== INF && fa + c < LENIENT_LIMIT && fa + c < (f[at(j + 1, b)] as number)) f[at(j + 1, b)] = fa + c;
      }
    }
  }
  const g = new Float64Array((k + 1) * (m + 1)).fill(INF);
  g[at(k, m)] = 0;
  for (let j = k - 1; j >= 0; j--) {
    for (let a = 0; a <= m; a++) {
      // Only states a reading can reach from the left matter (f finite): skip the rest.
      if ((f[at(j, a)] as number) === INF) continue;
      for (let b = a; b <= Math.min(m, a + maxWords(j)); b++) {
        const gb = g[at(j + 1, b)] as number;
        if (gb === INF) continue;
        const c = cost(j, a, b);
        if (c !== INF && c + gb < (g[at(j, a)] as number)) g[at(j, a)] = c + gb;
      }
    }
  }
  return { f, g, best: f[at(k, m)] as number, cost };
}

/** Why no cut fits: the first column that no reading of the row can fill. */
function explainMismatch<K extends string>(tokens: readonly Token[], columns: readonly PlacedColumn<K>[], cut: Cut): string {
  const m = tokens.length;
  const k = columns.length;
  for (let j = k; j >= 0; j--) {
    let furthest = -1;
    for (let a = m; a >= 0; a--) {
      if ((cut.f[j * (m + 1) + a] as number) !== INF) {
        furthest = a;
        break;
      }
    }
    if (furthest < 0) continue;
    if (j === k) {
      return `unexpected ${quote(joinWords(tokens, furthest, m))} after the last column ${columns[k - 1]?.title ?? ''}`;
    }
    const column = columns[j] as PlacedColumn<K>;
    if (furthest === m) return `the row ends before column ${column.title} (was it cut off?)`;
    return `expected ${column.spec?.expected ?? 'a value'} in column ${column.title} (found ${quote(tokens[furthest]?.text ?? '')})`;
  }
  return 'no column could be read';
}

function cellsOf<K extends string>(
  tokens: readonly Token[],
  columns: readonly PlacedColumn<K>[],
  cut: Cut,
): { cells: Cells<K>; refused: RefusedCell<K>[] } {
  const m = tokens.length;
  const cells: Cells<K> = {};
  const refused: RefusedCell<K>[] = [];
  columns.forEach((column, j) => {
    const spec = column.spec;
    if (spec === undefined) return;
    const texts = new Set<string>();
    for (let a = 0; a <= m; a++) {
      const fa = cut.f[j * (m + 1) + a] as number;
      if (fa === INF) continue;
      for (let b = a; b <= Math.min(m, a + (spec.maxWords ?? 1)); b++) {
        const c = cut.cost(j, a, b);
        if (c === INF) continue;
        if (fa + c + (cut.g[(j + 1) * (m + 1) + b] as number) === cut.best) texts.add(joinWords(tokens, a, b));
      }
    }
    const [text, ...others] = [...texts];
    if (text === undefined) return;
    if (others.length > 0) {
      refused.push({
        key: spec.key,
        title: column.title,
        reason: `column ${column.title} cannot be told apart from its neighbours (${[text, ...others].map(quote).join(' or ')})`,
      });
    } else if (text === '' ? spec.mayBeEmpty === true : spec.accepts(text)) {
      cells[spec.key] = text;
    } else {
      refused.push({ key: spec.key, title: column.title, reason: `expected ${spec.expected} in column ${column.title} (found ${quote(text)})` });
    }
  });
  return { cells, refused };
}

/**
 * Reads one row of a table. `positional: false` ignores the printed positions (used for rows re-joined after a
 * terminal wrapped them, whose positions no longer match the header).
 */
export function readRow<K extends string>(
  layout: TableLayout<K>,
  text: string,
  options: { readonly positional?: boolean } = {},
): RowReading<K> {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { kind: 'mismatch', reason: 'the row is empty' };
  if (tokens.length > MAX_WORDS_PER_ROW) {
    return { kind: 'mismatch', reason: `the row has ${tokens.length} words, far more than the ${layout.columns.length} columns` };
  }
  const reading = readTokens(layout, tokens, options.positional ?? true);
  if (reading.kind === 'row' && reading.refused.length === 0) return reading;
  // A web copy can put a tab inside a value (`192.168.\t110.255`): when joining such pieces back lets the whole
  // row read cleanly, the row is read that way (and the repair reported).
  const joined = joinTabSplitValues(tokens);
  if (joined !== undefined) {
    const repaired = readTokens(layout, joined.tokens, false);
    if (repaired.kind === 'row' && (reading.kind === 'mismatch' || repaired.refused.length < reading.refused.length)) {
      return { ...repaired, repairs: joined.values.map((v) => `a tab inside ${quote(v)} was taken out (the value was split by a copy)`) };
    }
  }
  return reading;
}

function readTokens<K extends string>(layout: TableLayout<K>, tokens: readonly Token[], allowPositional: boolean): RowReading<K> {
  const gaps = tokens.slice(1).map((t) => t.gap);
  // A row squeezed to single spaces, or with tabs, no longer lines up with the header: read it by type only.
  const positional = allowPositional && layout.positional && !gaps.includes('tab') && (gaps.length === 0 || gaps.includes('wide'));
  const strict = cutRow(tokens, layout.columns, positional, false);
  if (strict.best !== INF) return { kind: 'row', ...cellsOf(tokens, layout.columns, strict) };
  const lenient = cutRow(tokens, layout.columns, positional, true);
  if (lenient.best !== INF && Math.floor(lenient.best / MISMATCH) <= MAX_MISMATCHED) {
    return { kind: 'row', ...cellsOf(tokens, layout.columns, lenient) };
  }
  return { kind: 'mismatch', reason: explainMismatch(tokens, layout.columns, strict) };
}

/** Joins words a tab separated where a dotted or colon value was cut (`192.168.` + `110.255`, `00:50:` + `56:…`). */
function joinTabSplitValues(tokens: readonly Token[]): { tokens: Token[]; values: string[] } | undefined {
  const out: Token[] = [];
  const values: string[] = [];
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (
      previous !== undefined &&
      token.gap === 'tab' &&
      (/[.:]$/.test(previous.text) || /^[.:]/.test(token.text)) &&
      /^[0-9A-Fa-f.:]+$/.test(previous.text + token.text)
    ) {
      out[out.length - 1] = { ...previous, text: previous.text + token.text };
      values.push(`${previous.text}<tab>${token.text}`);
    } else {
      out.push(token);
    }
  }
  return values.length > 0 ? { tokens: out, values } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------------------------

export interface TableRow<K extends string> {
  /** The line the row starts on (the evidence line). */
  readonly line: Line;
  /** All lines of the row: more than one when a wrapped row was joined. */
  readonly lines: readonly Line[];
  readonly layout: TableLayout<K>;
  readonly cells: Cells<K>;
  /** Cells that could not be read with certainty (left out of `cells`). */
  readonly refused: readonly RefusedCell<K>[];
}

function repairWarnings<K extends string>(line: Line, reading: RowReading<K>, warnings: ParserWarning[]): void {
  if (reading.kind !== 'row') return;
  for (const repair of reading.repairs ?? []) warnings.push({ line: line.n, message: repair });
}

export interface RowOptions {
  /** True when a line can only be the start of a row (its first word is a row key such as `vmkN`). */
  readonly isRowStart?: (text: string) => boolean;
  /** Stops reading before this line (the next table's header, a section line). */
  readonly isEnd?: (line: Line, index: number) => boolean;
}

const MAX_WRAPPED_LINES = 3;
/** Widths terminals and consoles commonly wrap at. */
const TERMINAL_WIDTHS: ReadonlySet<number> = new Set([80, 100, 120, 132, 140, 150, 160, 180, 200, 240]);

export interface RowsRead<K extends string> {
  readonly rows: readonly TableRow<K>[];
  readonly warnings: readonly ParserWarning[];
  /** Index of the line reading stopped at (`isEnd`) or `lines.length`. */
  readonly next: number;
}

/**
 * Reads the rows of one table from `lines[from]` until `isEnd` or the end. Blank lines, fences and bare prompts
 * are passed over. A line that cannot be read is reported (line and why) and skipped; a row a narrow terminal
 * wrapped onto the following lines is joined when exactly one way of joining reads cleanly.
 */
export function readRows<K extends string>(
  lines: readonly Line[],
  from: number,
  layout: TableLayout<K>,
  options: RowOptions = {},
): RowsRead<K> {
  const rows: TableRow<K>[] = [];
  const warnings: ParserWarning[] = [];
  const last = layout.columns[layout.columns.length - 1]?.spec;
  // A free-text last column (a NIC description) would swallow any stray line after it: never join onto it.
  const lastColumnTyped = last !== undefined && (last.maxWords ?? 1) !== Infinity;

  // Each line is read once, whether as a row or while checking whether it continues the row above.
  const readings = new Map<number, RowReading<K>>();
  const readAt = (index: number, line: Line): RowReading<K> => {
    let reading = readings.get(index);
    if (reading === undefined) {
      reading = readRow(layout, line.text);
      readings.set(index, reading);
    }
    return reading;
  };
  const continuation = (index: number): Line | undefined => {
    const line = lines[index];
    if (line === undefined || isSkippable(line.text) || options.isEnd?.(line, index)) return undefined;
    if (options.isRowStart?.(line.text.trim().split(/\s+/)[0] ?? '') === true) return undefined;
    return readAt(index, line).kind === 'mismatch' ? line : undefined;
  };

  let i = from;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (isSkippable(line.text)) {
      i++;
      continue;
    }
    if (options.isEnd?.(line, i)) break;
    const reading = readAt(i, line);
    const following: Line[] = [];
    // A failed row looks at the lines after it for its wrapped rest. So does a row that reads, when a terminal
    // may have cut its typed last cell so that it still reads (`vmk1` of `vmk10`): only when the line is exactly
    // as long as a terminal is wide and the next line is a single word (a stray `logout` after a 214-column
    // row is not its rest).
    const cutAtWidth = reading.kind === 'row' && lastColumnTyped && TERMINAL_WIDTHS.has(line.text.length);
    if (reading.kind === 'mismatch' || cutAtWidth) {
      for (let n = 1; n <= MAX_WRAPPED_LINES; n++) {
        const next = continuation(i + n);
        if (next === undefined || (reading.kind === 'row' && /\s/.test(next.text))) break;
        following.push(next);
      }
    }
    if (reading.kind === 'row' && following.length === 0) {
      repairWarnings(line, reading, warnings);
      rows.push({ line, lines: [line], layout, cells: reading.cells, refused: reading.refused });
      i++;
      continue;
    }
    const joined = following.length > 0 ? joinWrapped(layout, line, following) : undefined;
    if (joined?.kind === 'row') {
      rows.push({ line, lines: [line, ...following.slice(0, joined.used)], layout, cells: joined.cells, refused: [] });
      i += 1 + joined.used;
    } else if (reading.kind === 'row') {
      repairWarnings(line, reading, warnings);
      rows.push({ line, lines: [line], layout, cells: reading.cells, refused: reading.refused });
      i++;
    } else if (joined?.kind === 'ambiguous') {
      warnings.push({
        line: line.n,
        message: `row does not match the header: it seems wrapped onto line ${following[0]?.n ?? ''}, but the pieces join in more than one way; re-paste it unwrapped`,
      });
      i += 1 + joined.used;
    } else {
      warnings.push({ line: line.n, message: `row does not match the header: ${reading.reason}` });
      i++;
    }
  }
  return { rows, warnings, next: i };
}

type Joined<K extends string> =
  | { readonly kind: 'row'; readonly cells: Cells<K>; readonly used: number }
  | { readonly kind: 'ambiguous'; readonly used: number };

/**
 * Tries to undo a terminal wrap: the pieces are joined either as they are (the wrap cut a word: `172.26.6` +
 * `4.10`) or with a blank (the wrap fell on a gap whose trailing blanks were trimmed). Accepted only when every
 * way that reads cleanly gives the same cells.
 */
function joinWrapped<K extends string>(layout: TableLayout<K>, first: Line, following: readonly Line[]): Joined<K> | undefined {
  for (let used = 1; used <= following.length; used++) {
    const pieces = following.slice(0, used).map((l) => l.text);
    const readings = new Map<string, Cells<K>>();
    for (let mask = 0; mask < 1 << used; mask++) {
      let text = first.text;
      pieces.forEach((piece, p) => {
        text += (mask >> p) & 1 ? ` ${piece.trimStart()}` : piece;
      });
      const reading = readRow(layout, text, { positional: false });
      if (reading.kind === 'row' && reading.refused.length === 0) readings.set(JSON.stringify(reading.cells), reading.cells);
    }
    const [only, ...more] = [...readings.values()];
    if (only !== undefined && more.length === 0) return { kind: 'row', cells: only, used };
    if (only !== undefined) return { kind: 'ambiguous', used };
  }
  return undefined;
}

/**
 * For a block whose header was not found: the first line that starts like this table's header but lacks
 * required columns (a hand-edited or cut paste), with the columns it lacks. Lets `fail` say what is missing.
 */
export function incompleteHeader<K extends string>(
  lines: readonly Line[],
  vocabulary: TableVocabulary<K>,
): { readonly line: Line; readonly missing: readonly string[] } | undefined {
  for (const line of lines) {
    const found = matchHeader(line.text, vocabulary.columns);
    if (found[0]?.spec?.key !== vocabulary.first) continue;
    const keys = new Set(found.map((f) => f.spec?.key));
    const missing = vocabulary.required.filter((k) => !keys.has(k));
    return {
      line,
      missing: missing.map((k) => vocabulary.columns.find((c) => c.key === k)?.names[0] ?? k),
    };
  }
  return undefined;
}

/**
 * The `fail` answer for a block without this table's header: names the near-miss header line and its missing
 * columns when there is one, else the first line of the block.
 */
export function noHeader<K extends string>(lines: readonly Line[], vocabulary: TableVocabulary<K>, what: string): { line: number; message: string } {
  const near = incompleteHeader(lines, vocabulary);
  if (near !== undefined && near.missing.length > 0) {
    return { line: near.line.n, message: `The ${what} header has no ${near.missing.join(', ')} column: the table cannot be read.` };
  }
  const first = lines.find((l) => !isSkippable(l.text)) ?? lines[0];
  const example = vocabulary.required.map((k) => vocabulary.columns.find((c) => c.key === k)?.names[0] ?? k).join('  ');
  return { line: first?.n ?? 0, message: `No ${what} table found: expected a header line like "${example} …".` };
}

/** Every row of a block holding one table (which may be printed more than once, each time with its header). */
export interface TableRead<K extends string> {
  readonly rows: readonly TableRow<K>[];
  readonly warnings: readonly ParserWarning[];
}

/**
 * Finds the table's header anywhere in the block and reads its rows; a repeated header starts a new layout
 * (the same command pasted twice). Lines before the first header are reported. Undefined when no header of
 * this table is in the block.
 */
export function readTable<K extends string>(
  lines: readonly Line[],
  vocabulary: TableVocabulary<K>,
  options: Pick<RowOptions, 'isRowStart'> = {},
): TableRead<K> | undefined {
  const warnings: ParserWarning[] = [];
  const rows: TableRow<K>[] = [];
  let i = 0;
  let header: ReturnType<typeof headerAt<K>>;
  while (i < lines.length && header === undefined) {
    header = headerAt(lines, i, vocabulary);
    if (header === undefined) i++;
  }
  if (header === undefined) return undefined;
  for (const line of lines.slice(0, i)) {
    if (!isSkippable(line.text)) warnings.push({ line: line.n, message: `line before the table header, not read: ${quote(line.text.trim())}` });
  }
  while (header !== undefined) {
    for (const repair of header.layout.repairs) {
      warnings.push({ line: header.layout.header.n, message: `damaged header: ${repair}; check the values of that column` });
    }
    const read: RowsRead<K> = readRows(lines, header.next, header.layout, {
      ...options,
      isEnd: (_line, index) => headerAt(lines, index, vocabulary) !== undefined,
    });
    rows.push(...read.rows);
    warnings.push(...read.warnings);
    header = headerAt(lines, read.next, vocabulary);
  }
  return { rows, warnings };
}

/** The warning for a row dropped because a cell it cannot do without was refused. */
export function rowRefusal<K extends string>(row: TableRow<K>, cell: RefusedCell<K>): ParserWarning {
  return { line: row.line.n, message: `row does not match the header: ${cell.reason}` };
}

/** The warning for a cell left out of an otherwise readable row. */
export function cellRefusal<K extends string>(row: TableRow<K>, cell: RefusedCell<K>): ParserWarning {
  return { line: row.line.n, message: `${cell.reason}; that value is left out` };
}
