/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { netstackListParser as parser } from './netstack-list.ts';
import defaultOnly from './__fixtures__/netstack-list/default-only.txt?raw';
import threeStacks from './__fixtures__/netstack-list/three-stacks.txt?raw';

const parse = (text: string) => parser.parse(blockOf(text, { file: 'ns.txt' }));

describe('netstackListParser.matchesCommand', () => {
  it('accepts netstack list (esxcli or localcli, with a pipe)', () => {
    expect(parser.matchesCommand('esxcli network ip netstack list')).toBe(true);
    expect(parser.matchesCommand('localcli network ip netstack list | more')).toBe(true);
  });

  it('rejects netstack add/remove/set and other namespaces', () => {
    expect(parser.matchesCommand('esxcli network ip netstack add -N vmotion')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip netstack remove -N vmotion')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip interface list')).toBe(false);
  });
});

describe('netstackListParser.startsAt', () => {
  const lines = toLines(threeStacks);

  it('recognises a stack name line followed by "Key:"', () => {
    expect(parser.startsAt(lines, 0)).toBe(true);
  });

  it('does not restart at the second stack of the same listing', () => {
    const vmotion = lines.findIndex((l) => l.text === 'vmotion');
    expect(parser.startsAt(lines, vmotion)).toBe(false);
  });

  it('is strict: a bare word alone or a Key line alone is not a start', () => {
    expect(parser.startsAt(toLines('defaultTcpipStack\n   Name: defaultTcpipStack'), 0)).toBe(false);
    expect(parser.startsAt(toLines('   Key: vmotion'), 0)).toBe(false);
  });
});

describe('netstackListParser.parse', () => {
  it('reads the verbatim default-only output of domain.md §4.7', () => {
    expect(parse(defaultOnly)).toEqual({
      ok: true,
      value: [
        {
          key: 'defaultTcpipStack',
          name: 'defaultTcpipStack',
          state: '4660',
          ref: { file: 'ns.txt', line: 1, text: 'defaultTcpipStack' },
        },
      ],
      warnings: [],
    });
  });

  it('reads every stack of a longer list, custom ones included', () => {
    const r = parse(threeStacks);
    expect(r.ok && r.value.map((e) => [e.key, e.ref.line])).toEqual([
      ['defaultTcpipStack', 1],
      ['vmotion', 6],
      ['vSphereProvisioning', 11],
      ['vxlan', 16],
    ]);
  });

  it('reads a squeezed paste without indentation or blank lines, with CRLF', () => {
    const r = parse('defaultTcpipStack\r\nKey: defaultTcpipStack\r\nName: defaultTcpipStack\r\nState: 4660\r\nvmotion\r\nKey: vmotion\r\nName: vmotion\r\nState: 4660\r\n');
    expect(r.ok && r.value.map((e) => e.key)).toEqual(['defaultTcpipStack', 'vmotion']);
  });

  it('reads headless blocks (netstack get, or a paste that lost the name lines) by their Key', () => {
    const r = parse('   Key: vmotion\n   Name: vmotion\n   State: 4660\n   Key: vxlan\n   Name: vxlan');
    expect(r.ok && r.value.map((e) => [e.key, e.name])).toEqual([
      ['vmotion', 'vmotion'],
      ['vxlan', 'vxlan'],
    ]);
  });

  it('falls back to the name line when Key is missing, with a warning', () => {
    const r = parse('vmotion\n   Name: vmotion\n   State: 4660');
    expect(r.ok && r.value[0]?.key).toBe('vmotion');
    expect(r.warnings.map((w) => w.line)).toEqual([1]);
  });

  it('fails when no stack is readable', () => {
    const r = parse('Network      Netmask          Gateway      Interface  Source');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/stack name line followed by "Key: …"/);
  });
});
