/**
 * Argument parsing for `path-doctor`. Options such as `--source` take several values (`--source a.txt b.txt`),
 * which node's parseArgs cannot express, so this small parser consumes values until the next `--option`.
 * `-` alone is a value (standard input).
 */

export interface ParsedArgs {
  readonly command?: string;
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
}

export interface OptionSpec {
  /** Options that take one or more values. */
  readonly multi: readonly string[];
  /** Options that take exactly one value. */
  readonly single: readonly string[];
  /** Options that take no value. */
  readonly flags: readonly string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      if (spec.flags.includes(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        flags.add(name);
        continue;
      }
      const multi = spec.multi.includes(name);
      if (!multi && !spec.single.includes(name)) throw new UsageError(`unknown option --${name}`);
      const values = options.get(name) ?? [];
      if (inline !== undefined) values.push(inline);
      else {
        while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) {
          values.push(argv[++i]!);
          if (!multi) break;
        }
      }
      if (values.length === 0) throw new UsageError(`--${name} needs a value`);
      if (!multi && values.length > 1) throw new UsageError(`--${name} takes one value`);
      options.set(name, values);
      continue;
    }
    if (command === undefined) command = arg;
    else positionals.push(arg);
  }
  return { ...(command !== undefined ? { command } : {}), positionals, options, flags };
}

export function one(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

export function many(args: ParsedArgs, name: string): readonly string[] {
  return args.options.get(name) ?? [];
}

export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = one(args, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}
