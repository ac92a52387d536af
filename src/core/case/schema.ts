/**
 * A tiny schema language for the parts of a case file that are whole data structures (the imported hosts' models):
 * one declaration per record type gives both the validator, which reads hostile JSON and names the exact path of the
 * first wrong value (`"model.vmknics[0].ipv6" must be a list of texts, found the number 3`), and the writer, which
 * puts keys in the declared order so the same data always serializes to the same bytes.
 *
 * `shape<T>()` is typed so that every key of T must be declared (optional keys with `optional()`): a field added to
 * the model without a line here is a compile error, not a field silently dropped from saved cases.
 */
import { describeValue, FieldError, isObject } from './read.ts';

export interface Schema<T> {
  /** Checks a value found at `path` and returns it typed, rebuilt from the declared keys only. Throws FieldError. */
  readonly read: (value: unknown, path: string) => T;
  /** The value as plain JSON with its keys in declared order and absent optional keys left out. */
  write(value: T): unknown;
  /** How one value is named in a message ("a text"), and several in a list ("texts"). */
  readonly one: string;
  readonly many: string;
}

/** An optional key of a shape: checked when present, left out when absent. */
export interface Optional<T> {
  readonly optional: Schema<T>;
}

export function optional<T>(schema: Schema<T>): Optional<T> {
  return { optional: schema };
}

function found(value: unknown): string {
  return value === undefined ? 'nothing' : describeValue(value);
}

function fail(path: string, expected: string, value: unknown): never {
  throw new FieldError(`"${path}" must be ${expected}, found ${found(value)}`);
}

function scalar<T>(one: string, many: string, test: (value: unknown) => value is T): Schema<T> {
  return { one, many, read: (v, path) => (test(v) ? v : fail(path, one, v)), write: (v) => v };
}

export const text = scalar('a text', 'texts', (v): v is string => typeof v === 'string');
/** JSON has no NaN or Infinity, so a finite number is every number a saved case can hold. */
export const number = scalar('a number', 'numbers', (v): v is number => typeof v === 'number' && Number.isFinite(v));
export const bool = scalar('true or false', 'true or false values', (v): v is boolean => typeof v === 'boolean');
export const textOrNull = scalar('a text or null', 'texts or nulls', (v): v is string | null => v === null || typeof v === 'string');
export const textOrNumber = scalar('a text or a number', 'texts or numbers', (v): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));

/** One of a fixed set of texts; the message lists them as parse.ts does (`"a", "b" or "c"`). */
export function oneOf<const T extends string>(values: readonly T[]): Schema<T> {
  const one = values.map((a) => `"${a}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');
  return scalar(one, `values among ${one}`, (v): v is T => typeof v === 'string' && (values as readonly string[]).includes(v));
}

function tooMany(path: string, count: number, max: number): never {
  throw new FieldError(`"${path}" holds ${count} entries, more than the ${max} a case keeps`);
}

/** A list of at most `max` items (a cap that bounds the work a hostile file can ask for). */
export function listOf<T>(item: Schema<T>, max: number): Schema<readonly T[]> {
  const one = `a list of ${item.many}`;
  return {
    one,
    many: `lists of ${item.many}`,
    read: (v, path) => {
      if (!Array.isArray(v)) return fail(path, one, v);
      if (v.length > max) return tooMany(path, v.length, max);
      return v.map((x, i) => item.read(x, `${path}[${i}]`));
    },
    write: (v) => v.map((x) => item.write(x)),
  };
}

function keyPath(path: string, key: string): string {
  const shown = key.length > 40 ? `${key.slice(0, 37)}…` : key;
  return `${path}['${shown}']`;
}

/** An object used as a map from any text to values of one schema (advanced options by path); written sorted. */
export function recordOf<T>(item: Schema<T>, max: number): Schema<Readonly<Record<string, T>>> {
  const one = `an object of ${item.many}`;
  return {
    one,
    many: `objects of ${item.many}`,
    read: (v, path) => {
      if (!isObject(v)) return fail(path, one, v);
      const entries = Object.entries(v);
      if (entries.length > max) return tooMany(path, entries.length, max);
      // fromEntries defines own properties, so a key named "__proto__" stays a plain key.
      return Object.fromEntries(entries.map(([k, x]) => [k, item.read(x, keyPath(path, k))]));
    },
    // Keys sorted (by code unit, not locale): a map's order means nothing, so it must not change the bytes.
    write: (v) =>
      Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, item.write(x)]),
      ),
  };
}

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** Every key of T, each declared once: a schema for a required key, `optional(schema)` for an optional one. */
export type Fields<T> = { readonly [K in keyof T]-?: K extends OptionalKeys<T> ? Optional<Exclude<T[K], undefined>> : Schema<T[K]> };

function own(obj: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** A record with the declared keys (others are ignored and not kept); `many` names several in a list's message. */
export function shape<T>(many: string, fields: Fields<T>): Schema<T> {
  const declared = Object.entries(fields) as [string, Schema<unknown> | Optional<unknown>][];
  const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  return {
    one: 'an object',
    many,
    read: (v, path) => {
      if (!isObject(v)) return fail(path, 'an object', v);
      const out: Record<string, unknown> = {};
      for (const [key, field] of declared) {
        const value = own(v, key);
        if ('optional' in field) {
          if (value !== undefined) out[key] = field.optional.read(value, at(path, key));
        } else out[key] = field.read(value, at(path, key));
      }
      return out as T;
    },
    write: (v) => {
      const obj = v as Readonly<Record<string, unknown>>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of declared) {
        const value = obj[key];
        if (value === undefined) continue;
        out[key] = 'optional' in field ? field.optional.write(value) : field.write(value);
      }
      return out;
    },
  };
}
