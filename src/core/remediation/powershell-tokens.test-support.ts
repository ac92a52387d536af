/**
 * A small tokenizer for PowerShell command arguments, written from the PowerShell language specification
 * (version 3.0, §2.3.5.2 "String literals" and §2.3.4 "Commands"), to check the PowerCLI rendering in tests:
 * - tokens are separated by whitespace;
 * - a single-quoted string starts and ends with a single-quote-character, which is any of U+0027, U+2018, U+2019,
 *   U+201A, U+201B; inside it two single-quote-characters in a row stand for one (the language implementation
 *   keeps the second); nothing else is special (no `$` expansion, no backtick escape);
 * - anything else up to whitespace is a bare word (we only check that our bare words are what we wrote).
 * Double-quoted strings, sub-expressions and script blocks are outside what the plans put around a value.
 */

const SINGLE_QUOTE = /['\u2018\u2019\u201A\u201B]/;
const WHITESPACE = /[ \t\u00A0\u2000-\u200A\u3000]/;

export interface PsToken {
  readonly text: string;
  readonly quoted: boolean;
}

export function tokenizePowerShellArguments(line: string): PsToken[] {
  const out: PsToken[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (WHITESPACE.test(c)) {
      i++;
      continue;
    }
    if (SINGLE_QUOTE.test(c)) {
      let text = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated single-quoted string in ${line}`);
        const d = line[i]!;
        if (SINGLE_QUOTE.test(d)) {
          const next = line[i + 1];
          if (next !== undefined && SINGLE_QUOTE.test(next)) {
            text += next;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += d;
        i++;
      }
      if (i < line.length && !WHITESPACE.test(line[i]!)) throw new Error(`text glued to a quoted string in ${line}`);
      out.push({ text, quoted: true });
      continue;
    }
    let text = '';
    while (i < line.length && !WHITESPACE.test(line[i]!)) {
      if (SINGLE_QUOTE.test(line[i]!)) throw new Error(`quote inside a bare word in ${line}`);
      text += line[i]!;
      i++;
    }
    out.push({ text, quoted: false });
  }
  return out;
}
