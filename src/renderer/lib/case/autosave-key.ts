/**
 * What decides "this case is unchanged since its last save" without stringifying it whole: the case as JSON with
 * each big evidence text (an attachment, a large paste) replaced by a token that stands for that text. A text keeps
 * its token as long as the case holds the same text (the same string, usually the very same object, so comparing
 * costs nothing), and a different text always gets a new one. An edit of the notes then costs a JSON.stringify of
 * the small rest of the case, not of the 50 MB log attached to it.
 */
import type { CaseFile } from '../../../core/case/index.ts';

/** Evidence texts this long or longer are keyed by token (a text box of typed text stays in the key as it is). */
export const TOKEN_TEXT_CHARS = 64 * 1024;

export interface CaseKey {
  /** Equal for two cases exactly when they would be written to the same case file text. */
  readonly key: string;
  /** At least the length of the case file text (the key plus the big texts, before JSON escaping). */
  readonly size: number;
}

export class CaseKeys {
  /** The big texts of the last case keyed, with their tokens (texts no longer in the case are forgotten). */
  #known: { readonly text: string; readonly token: number }[] = [];
  #next = 0;

  of(file: CaseFile): CaseKey {
    const known: { text: string; token: number }[] = [];
    let big = 0;
    const evidence = file.evidence.map((e) => {
      if (e.text.length < TOKEN_TEXT_CHARS) return e;
      big += e.text.length;
      // `===` on strings: the same object answers at once; another object of the same length compares the text.
      const token = (this.#known.find((k) => k.text === e.text) ?? known.find((k) => k.text === e.text))?.token ?? ++this.#next;
      known.push({ text: e.text, token });
      // Another shape than a text item: a token can never equal a case whose text happens to read like one.
      return { id: e.id, name: e.name, role: e.role, chars: e.text.length, token };
    });
    this.#known = known;
    const key = JSON.stringify({ ...file, evidence });
    return { key, size: key.length + big };
  }
}
