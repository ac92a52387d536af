/**
 * The collector line: read-only, complete, and its output (the real line run by /bin/sh against stub ESXi commands
 * that print the example sessions' outputs) is split and recognised by the parser layer and answers the analysis.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/core/analyze.ts';
import { loadEvidence, PARSERS, splitPaste } from '../src/parsers/index.ts';
import type { CommandKind } from '../src/parsers/types.ts';
import { COLLECTED_COMMANDS, collectorCommand, collectorOutput } from './collector.ts';
import { EVIDENCE_MIGRATION, factsFromAnalysis } from './facts.ts';
import { readExample } from './test-support.ts';

const LINE = collectorCommand();

/** Every command of a session and its output, and the host's short name, from an example paste. */
function sessionOf(dir: string, file: string): { host: string; outputs: Map<string, string> } {
  const split = splitPaste(readExample(dir, file), file, PARSERS);
  const outputs = new Map<string, string>();
  let host: string | undefined;
  for (const b of split.blocks) {
    if (b.block.command === undefined) continue;
    host ??= b.block.host;
    outputs.set(b.block.command, b.block.lines.map((l) => l.text).join('\n'));
  }
  // `~ #` prompts carry no host name: the example's own `esxcli system hostname get` does.
  const named = /Host Name: (\S+)/.exec(outputs.get('esxcli system hostname get') ?? '');
  return { host: (host ?? named?.[1] ?? file.replace(/\.txt$/, '')).split('.')[0]!, outputs };
}

/** What the host would answer to each command the collector runs; absent = the host does not have it. */
function answersFor(outputs: Map<string, string>): Map<string, string> {
  const answers = new Map(outputs);
  // A session's narrower esx.conf grep stands in for the collector's `grep /adv/` (its /adv/ lines are the same).
  for (const [command, out] of outputs) {
    if (/^grep .*esx\.conf$/.test(command)) {
      const adv = out.split('\n').filter((l) => l.startsWith('/adv/'));
      if (adv.length > 0) answers.set('grep /adv/ /etc/vmware/esx.conf', adv.join('\n'));
    }
  }
  return answers;
}

const tmp = mkdtempSync(join(tmpdir(), 'collector-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let runs = 0;

/** Runs the real collector line with /bin/sh, each ESXi program replaced by a stub answering from `answers`. */
function runCollector(host: string, answers: Map<string, string>): string {
  const dir = join(tmp, String(runs++));
  spawnSync('mkdir', ['-p', dir]);
  const programs = new Map<string, string[]>();
  let n = 0;
  for (const [command, out] of answers) {
    const [program, ...args] = command.split(/\s+/);
    const file = join(dir, `out${n++}.txt`);
    writeFileSync(file, out + '\n');
    const cases = programs.get(program!) ?? [];
    cases.push(`'${args.join(' ')}') cat '${file}';;`);
    programs.set(program!, cases);
  }
  for (const program of ['vmware', 'esxcfg-vmknic', 'esxcli', 'esxcfg-route', 'esxcfg-vswitch', 'esxcfg-nics', 'grep']) {
    const cases = programs.get(program) ?? [];
    const script = `#!/bin/sh\ncase "$*" in\n${cases.join('\n')}\n*) echo "Error: Unknown command or namespace" >&2; exit 1;;\nesac\n`;
    writeFileSync(join(dir, program), script);
    chmodSync(join(dir, program), 0o755);
  }
  writeFileSync(join(dir, 'hostname'), `#!/bin/sh\necho ${host}\n`);
  chmodSync(join(dir, 'hostname'), 0o755);
  const r = spawnSync('/bin/sh', ['-c', LINE], { env: { PATH: `${dir}:/usr/bin:/bin` }, encoding: 'utf8' });
  // A command the host lacks fails quietly: nothing on standard error (the exit status is that of the last one).
  expect(r.error).toBeUndefined();
  expect(r.stderr).toBe('');
  return r.stdout;
}

const SESSIONS: readonly [string, string][] = [
  ['seed-chan-5.0', 'esx01.txt'],
  ['seed-chan-5.0', 'esx02.txt'],
  ['seed-denneman-5.1', 'source.txt'],
  ['seed-denneman-5.1', 'dest.txt'],
  ['modern-7.0u3-same-subnet', 'esx-a.txt'],
  ['modern-7.0u3-same-subnet', 'esx-b.txt'],
  ['bind0-6.7', 'esx-a.txt'],
  ['bind0-6.7', 'esx-b.txt'],
  ['multinic-6.0u3', 'esx-a.txt'],
  ['vmotion-stack-8.0', 'esx-a.txt'],
  ['vmotion-stack-8.0', 'esx-b.txt'],
  ['l3-vmotion-7.0', 'esx-a.txt'],
  ['l3-vmotion-7.0', 'esx-b.txt'],
  ['provisioning-fallback-7.0', 'esx-a.txt'],
  ['provisioning-fallback-7.0', 'esx-b.txt'],
];

describe('the collector command line', () => {
  it('is one line, short enough to read out over the phone', () => {
    expect(LINE).not.toMatch(/[\r\n]/);
    expect(LINE.length).toBeLessThan(600);
  });

  it('only reads: listing and get commands, no set/add/remove, no file written', () => {
    for (const c of COLLECTED_COMMANDS) {
      const words = c.command.split(/\s+/);
      if (words[0] === 'esxcli') expect(['list', 'get'], c.command).toContain(words.find((w) => ['list', 'get', 'set', 'add', 'remove'].includes(w)));
      if (words[0]!.startsWith('esxcfg-')) expect(words.slice(1), c.command).toEqual(['-l']);
    }
    expect(LINE).not.toMatch(/\b(set|add|remove|rm|mv|tee|reboot|kill)\b/);
    // The only redirection throws away error messages of commands the host does not have.
    expect(LINE.replace(/2>\/dev\/null/g, '')).not.toMatch(/[<>]/);
  });

  it('runs every command the analysis reads (domain.md §4 command table)', () => {
    const needed: CommandKind[] = [
      'vmware-version', 'esxcfg-vmknic', 'interface-list', 'ipv4-get', 'tag-get', 'esxcfg-route', 'route-ipv4-list',
      'netstack-list', 'advanced-list', 'esxcfg-vswitch', 'esxcfg-nics',
    ];
    const kinds = new Set(COLLECTED_COMMANDS.map((c) => c.kind));
    for (const k of needed) expect(kinds, k).toContain(k);
    expect(COLLECTED_COMMANDS.map((c) => c.command)).toEqual(expect.arrayContaining([
      'esxcli network ip route ipv4 list -N vmotion',
      'esxcli system settings advanced list -o /Migrate/BindToVmknic',
      'esxcli system settings advanced list -o /Migrate/AutoBindVmknic',
    ]));
  });

  it('prints markers the splitter reads as prompts of the right command', () => {
    for (const c of COLLECTED_COMMANDS) {
      const command = c.command.replace('$v', 'vmk1');
      const split = splitPaste(`[root@esx01:~] ${command}\n`, 'marker', PARSERS);
      expect(split.blocks[0]?.kind, command).toBe(c.kind);
      expect(split.blocks[0]?.block.host).toBe('esx01');
    }
  });
});

describe('the collector output of real sessions', () => {
  for (const [dir, file] of SESSIONS) {
    it(`${dir}/${file}: every block is recognised and read, one host, named by hostname`, () => {
      const { host, outputs } = sessionOf(dir, file);
      const text = runCollector(host, answersFor(outputs));
      const loaded = loadEvidence([{ file: 'collector.txt', text }]);
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      expect(loaded.blocks.length).toBeGreaterThan(3);
      expect(loaded.blocks.filter((b) => b.kind === null)).toEqual([]);
      expect(loaded.blocks.filter((b) => !b.parsed)).toEqual([]);
      expect(loaded.hosts.map((h) => h.name)).toEqual([host]);
      // One `tag get` per vmknic the host lists, where the host has the command.
      const tagged = loaded.blocks.filter((b) => b.kind === 'tag-get').map((b) => b.command);
      const expectedTags = [...outputs.keys()].filter((c) => c.startsWith('esxcli network ip interface tag get')).sort();
      expect(tagged.sort()).toEqual(expectedTags);
    });
  }

  it('prints the vmotion stack routes only on a host that has the stack', () => {
    const withStack = runCollector('esx51', answersFor(sessionOf('vmotion-stack-8.0', 'esx-a.txt').outputs));
    const without = runCollector('esx21', answersFor(sessionOf('modern-7.0u3-same-subnet', 'esx-a.txt').outputs));
    expect(withStack).toContain('[root@esx51:~] esxcli network ip route ipv4 list -N vmotion');
    expect(without).not.toContain('-N vmotion');
    expect(without).not.toContain('Error');
  });

  it('matches the pure simulation the UI can show (collectorOutput)', () => {
    const { host, outputs } = sessionOf('modern-7.0u3-same-subnet', 'esx-a.txt');
    const answers = answersFor(outputs);
    const real = runCollector(host, answers);
    expect(collectorOutput(host, Object.fromEntries(answers), ['vmk0', 'vmk1'])).toBe(real);
  });

  it('lets the analysis answer the same way as from the hand-typed sessions', () => {
    const pairs: readonly [string, string, string][] = [
      ['modern-7.0u3-same-subnet', 'esx-a.txt', 'esx-b.txt'],
      ['bind0-6.7', 'esx-a.txt', 'esx-b.txt'],
      ['l3-vmotion-7.0', 'esx-a.txt', 'esx-b.txt'],
      ['provisioning-fallback-7.0', 'esx-a.txt', 'esx-b.txt'],
      ['seed-chan-5.0', 'esx01.txt', 'esx02.txt'],
    ];
    for (const [dir, a, b] of pairs) {
      const host = (f: string, text: string) => {
        const r = loadEvidence([{ file: f, text, defaultHost: f }]);
        if (!r.ok) throw new Error(r.error.message);
        return r.hosts[0]!;
      };
      const fromSession = analyze({ source: host(a, readExample(dir, a)), dest: host(b, readExample(dir, b)), migration: EVIDENCE_MIGRATION });
      const collected = [a, b].map((f) => {
        const s = sessionOf(dir, f);
        return host(f, runCollector(s.host, answersFor(s.outputs)));
      });
      const fromCollector = analyze({ source: collected[0]!, dest: collected[1]!, migration: EVIDENCE_MIGRATION });
      expect(factsFromAnalysis(fromCollector).answers, dir).toEqual(factsFromAnalysis(fromSession).answers);
      expect(fromCollector.findings.map((f) => f.id).sort(), dir).toEqual(fromSession.findings.map((f) => f.id).sort());
    }
  });
});
