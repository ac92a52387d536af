/**
 * Member names from a customer's archive, checked before anything else looks at them (issue 9, "Safe by
 * construction"). Nothing is ever written to disk, but a name that could escape a folder when extracted marks a
 * crafted archive: such members are refused, with a sentence naming them, and never read.
 */

export type NameCheck = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

const MAX_NAME = 4096;

/**
 * Normalises a member name (`./a//b/` → `a/b`) or says why it is refused: absolute paths, `..` segments, drive
 * letters, backslashes (a Windows path in disguise), control characters, empty names.
 */
export function checkMemberName(raw: string): NameCheck {
  if (raw.length === 0) return { ok: false, reason: 'its name is empty' };
  if (raw.length > MAX_NAME) return { ok: false, reason: `its name is longer than ${MAX_NAME} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { ok: false, reason: 'its name contains control characters' };
  if (raw.includes('\\')) return { ok: false, reason: 'its name contains a backslash' };
  if (raw.startsWith('/')) return { ok: false, reason: 'its name is an absolute path' };
  if (/^[A-Za-z]:/.test(raw)) return { ok: false, reason: 'its name starts with a drive letter' };
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return { ok: false, reason: 'its name climbs out of the archive with ".."' };
    parts.push(part);
  }
  if (parts.length === 0) return { ok: false, reason: 'its name has no file name' };
  return { ok: true, path: parts.join('/') };
}

/** A name safe to print in a message: control characters shown as `?`, long names shortened. */
export function printable(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 300 ? `${clean.slice(0, 150)}…${clean.slice(-100)}` : clean;
}
