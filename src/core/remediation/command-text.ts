/**
 * Writing a command as a template with `{name}` slots, turned into parts (shell.ts) — never into text. A slot
 * must be a whole word of the template: `-p {portGroup}` is a slot, `--name={portGroup}` or `'{portGroup}'` is a
 * programming error (it would glue an evidence value to template text), and so is a template word that looks like
 * a slot but is not one.
 *
 * A comment after two spaces and `#` is shown after the command; slots in it are filled with the value as a reader
 * sees it (it is never executed), or `<name>` when unfilled.
 */
import { displayValue, hole, lit, type Command, type Shell, type Word } from './shell.ts';

/** What a slot can be filled with: a value (with the field it comes from) or nothing (a placeholder stays). */
export interface SlotValue {
  readonly value: string;
  /** Where it came from, for refusal sentences: "port-group name of vmk1 on esx01". */
  readonly field: string;
}

export type Slots = Readonly<Record<string, SlotValue | undefined>>;

const SLOT = /^\{([A-Za-z][A-Za-z0-9]*)\}$/;
const EMBEDDED = /\{[A-Za-z][A-Za-z0-9]*\}/;

export function command(shell: Shell, template: string, slots: Slots): Command {
  const cut = template.indexOf('  # ');
  const body = cut >= 0 ? template.slice(0, cut) : template;
  const comment = cut >= 0 ? template.slice(cut + 4) : undefined;
  const words: Word[] = body
    .trim()
    .split(/ +/)
    .map((token) => {
      const m = SLOT.exec(token);
      if (!m) {
        if (EMBEDDED.test(token)) throw new Error(`template word ${token} glues a slot to text: ${template}`);
        return lit(token);
      }
      const name = m[1]!;
      const v = slots[name];
      return v === undefined ? hole(name) : { kind: 'value', value: v.value, field: v.field };
    });
  const filledComment = comment?.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_w, name: string) => {
    const v = slots[name];
    return v === undefined ? `<${name}>` : displayValue(v.value);
  });
  return { shell, words, ...(filledComment === undefined ? {} : { comment: filledComment }) };
}
