/**
 * A status line on a terminal's standard error while a long command works (a 50,000-host scan takes seconds), as
 * curl or esxcli's long operations show one: rewritten in place, at most every PERIOD_MS, cleared before any
 * other message and when the command ends. Only a terminal gets it (the bin decides: standard error is a TTY);
 * a script, a pipe or a log file never sees one, so standard output and error stay what scripts parse.
 */

/** Rewrites faster than this are skipped: a terminal is slower to redraw than the scan is to progress. */
export const PERIOD_MS = 100;
/** A status longer than this is cut, so it never wraps onto a second line of an 80-column terminal. */
const MAX_CHARS = 78;

export class TerminalStatus {
  private shown = false;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Shows `text` in place of the previous status (unless one was shown less than PERIOD_MS ago). */
  show(text: string): void {
    const t = this.now();
    if (this.shown && t - this.last < PERIOD_MS) return;
    this.last = t;
    this.shown = true;
    // Control characters from a file name would move the cursor: the status shows them as spaces.
    // eslint-disable-next-line no-control-regex
    const line = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
    this.write(`\r${line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line}\u001b[K`);
  }

  /** Removes the status line, if one is shown. */
  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.write('\r\u001b[K');
  }
}
