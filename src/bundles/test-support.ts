/**
 * Builds bundles in memory for the tests and the bench: a USTAR writer that can write anything a hostile archive
 * may hold (absolute names, `..`, links, devices), gzip and zip around it, and the `vm-support` folder layout
 * filled with the real-format outputs of examples/ (shared/docs/bundles.md §1 file names).
 */
import { readFileSync } from 'node:fs';
import { gzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { parsePrompt } from '../parsers/split.ts';

export interface TarFile {
  readonly path: string;
  readonly body?: string | Uint8Array;
  /** USTAR type flag: '0' file (default), '1' hard link, '2' symlink, '3' char device, '4' block device, '5' directory, '6' FIFO. */
  readonly type?: '0' | '1' | '2' | '3' | '4' | '5' | '6';
  readonly linkname?: string;
}

const enc = new TextEncoder();

function bytesOf(body: string | Uint8Array | undefined): Uint8Array {
  if (body === undefined) return new Uint8Array(0);
  return typeof body === 'string' ? enc.encode(body) : body;
}

function writeString(block: Uint8Array, at: number, length: number, text: string): void {
  const b = enc.encode(text);
  block.set(b.subarray(0, length), at);
}

function octal(n: number, length: number): string {
  return n.toString(8).padStart(length - 1, '0') + '\0';
}

export function tarHeader(name: string, size: number, type: string, linkname = ''): Uint8Array {
  const h = new Uint8Array(512);
  let prefix = '';
  let short = name;
  if (enc.encode(name).length > 100) {
    const cut = name.lastIndexOf('/', name.length - 2);
    prefix = name.slice(0, cut);
    short = name.slice(cut + 1);
  }
  writeString(h, 0, 100, short);
  writeString(h, 100, 8, octal(type === '5' ? 0o755 : 0o644, 8));
  writeString(h, 108, 8, octal(0, 8));
  writeString(h, 116, 8, octal(0, 8));
  writeString(h, 124, 12, octal(size, 12));
  writeString(h, 136, 12, octal(1_700_000_000, 12));
  writeString(h, 148, 8, '        ');
  writeString(h, 156, 1, type);
  writeString(h, 157, 100, linkname);
  writeString(h, 257, 6, 'ustar\0');
  writeString(h, 263, 2, '00');
  writeString(h, 265, 32, 'root');
  writeString(h, 297, 32, 'root');
  writeString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  writeString(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

export function tar(files: readonly TarFile[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const f of files) {
    const type = f.type ?? '0';
    const body = type === '0' ? bytesOf(f.body) : new Uint8Array(0);
    parts.push(tarHeader(f.path, body.length, type, f.linkname ?? ''));
    parts.push(body);
    const pad = (512 - (body.length % 512)) % 512;
    if (pad > 0) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024));
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function gzip(bytes: Uint8Array | string): Uint8Array {
  return gzipSync(bytesOf(bytes), { level: 6 });
}

export function tgz(files: readonly TarFile[]): Uint8Array {
  return gzip(tar(files));
}

/** A zip of named members; `store` keeps members uncompressed (as a real export stores its .tgz files). */
export function zip(members: Readonly<Record<string, Uint8Array | string>>, store = true): Uint8Array {
  const z: Zippable = {};
  for (const [name, body] of Object.entries(members)) z[name] = [bytesOf(body), { level: store ? 0 : 6 }];
  return zipSync(z);
}

/** `esxcfg-vmknic -l` → `esxcfg-vmknic_-l.txt`; esxcli runs as `localcli`; `/ . = $` and quotes dropped [I bundles.md §1]. */
export function commandFileName(command: string): string {
  const [program = '', ...args] = command.trim().split(/\s+/);
  const name = program === 'esxcli' ? 'localcli' : program;
  const cleaned = args.map((a) => a.replace(/[/.=$'"]/g, ''));
  return cleaned.length === 0 ? `${name}.txt` : `${name}_${cleaned.join('-')}.txt`;
}

/** The outputs of a pasted session, by command line (examples/*.txt are whole SSH sessions). */
export function sessionOutputs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let command: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (command) out.set(command, lines.join('\n').replace(/\n+$/, '') + '\n');
  };
  for (const line of text.split('\n')) {
    const prompt = /^\[root@[^\]]+\]/.test(line) ? parsePrompt(line) : undefined;
    if (prompt !== undefined) {
      flush();
      command = prompt.command || undefined;
      lines = [];
    } else lines.push(line);
  }
  flush();
  return out;
}

export function readExample(path: string): string {
  return readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8');
}

export function readFixture(path: string): string {
  return readFileSync(new URL(`../parsers/__fixtures__/${path}`, import.meta.url), 'utf8');
}

/** `commands/<name>.txt` members for every output of an example session (optionally leaving some commands out). */
export function commandFiles(session: string, omit: (command: string) => boolean = () => false): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [command, output] of sessionOutputs(session)) {
    if (omit(command)) continue;
    files[`commands/${commandFileName(command)}`] = output;
  }
  return files;
}

/**
 * A host bundle's entries: the top folder, the ESXi marker folder `etc/vmware/vm-support/`, and the given files
 * (paths relative to the top folder).
 */
export function hostBundle(top: string, files: Readonly<Record<string, string | Uint8Array>>): TarFile[] {
  const entries: TarFile[] = [
    { path: `${top}/`, type: '5' },
    { path: `${top}/etc/vmware/vm-support/`, type: '5' },
    { path: `${top}/etc/vmware/vm-support/manifest.txt`, body: 'Network:base\nLogs:System\n' },
  ];
  for (const [rel, body] of Object.entries(files)) entries.push({ path: `${top}/${rel}`, body });
  return entries;
}

/** Splits a text into `n` FRAG pieces at arbitrary byte offsets (even mid-line), as vm-support does. */
export function fragments(rel: string, text: string, n: number): Record<string, Uint8Array> {
  const bytes = enc.encode(text);
  const out: Record<string, Uint8Array> = {};
  const size = Math.ceil(bytes.length / n);
  for (let i = 0; i < n; i++) out[`${rel}.FRAG-${String(i).padStart(5, '0')}`] = bytes.subarray(i * size, Math.min(bytes.length, (i + 1) * size));
  return out;
}
