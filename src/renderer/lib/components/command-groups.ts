/**
 * The core lists commands per host with `# on <host>` marker lines between them (src/core remediation plans).
 * Split them into groups so each host gets a heading and a "copy all" instead of a copy button on a comment.
 */
export interface CommandGroup {
  /** The host the following commands run on, or undefined for lines before any marker. */
  readonly host?: string;
  readonly commands: readonly string[];
}

const MARKER = /^#\s*on\s+(.+?)\s*$/;

export function groupCommands(lines: readonly string[]): CommandGroup[] {
  const groups: { host?: string; commands: string[] }[] = [];
  for (const line of lines) {
    const m = MARKER.exec(line);
    if (m) groups.push({ host: m[1]!, commands: [] });
    else {
      if (groups.length === 0) groups.push({ commands: [] });
      groups[groups.length - 1]!.commands.push(line);
    }
  }
  return groups.filter((g) => g.commands.length > 0);
}

/** What a settle/missing line puts on the clipboard: the command only, without "(on host)" or an explanation. */
export function commandPart(line: string): string {
  return line
    .replace(/\s{2,}\(.*\)\s*$/, '')
    .replace(/\s+\(on [^)]+\)\s*$/, '')
    .trim();
}
