/**
 * Field readers for validating JSON of unknown shape: each names the path it reads (`evidence[2].role`) in its
 * error, so a damaged file gets a sentence that says exactly what is wrong. They throw `FieldError`, which only
 * parse.ts catches (parseCase itself never throws).
 */

export class FieldError extends Error {}

/** How a JSON value reads in an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `a text ("${value.slice(0, 37)}…")` : `the text "${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

export type Json = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export function has(obj: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

export function object(obj: Json, key: string, path: string): Json {
  const v = own(obj, key);
  if (!isObject(v)) throw new FieldError(`"${path}" must be an object, found ${v === undefined ? 'nothing' : describeValue(v)}`);
  return v;
}

export function string(obj: Json, key: string, path: string): string {
  const v = own(obj, key);
  if (typeof v !== 'string') throw new FieldError(`"${path}" must be a text, found ${v === undefined ? 'nothing' : describeValue(v)}`);
  return v;
}

export function list(obj: Json, key: string, path: string): readonly unknown[] {
  const v = own(obj, key);
  if (!Array.isArray(v)) throw new FieldError(`"${path}" must be a list, found ${v === undefined ? 'nothing' : describeValue(v)}`);
  return v;
}

export function oneOf<T extends string>(obj: Json, key: string, path: string, allowed: readonly T[]): T {
  const v = own(obj, key);
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new FieldError(`"${path}" must be ${allowed.map((a) => `"${a}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}, found ${v === undefined ? 'nothing' : describeValue(v)}`);
  }
  return v as T;
}

export function optionalString(obj: Json, key: string, path: string): string | undefined {
  return has(obj, key) ? string(obj, key, path) : undefined;
}
