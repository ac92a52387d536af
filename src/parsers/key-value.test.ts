import { describe, expect, it } from 'vitest';
import { toLines } from './types.ts';
import {
  commandWords,
  compact,
  continuesListing,
  groupFields,
  isEsxcli,
  optionValue,
  parseBoolean,
  parseInteger,
  presentValue,
  readField,
  typedValue,
} from './key-value.ts';
import type { ParserWarning } from './types.ts';

const line = (text: string) => ({ n: 7, text });

describe('readField', () => {
  it('reads an indented "Key: value" line, lower-casing the key and keeping colons in the value', () => {
    expect(readField(line('   MAC Address: 00:50:56:6c:01:11'))).toMatchObject({
      key: 'mac address',
      label: 'MAC Address',
      value: '00:50:56:6c:01:11',
    });
  });

  it('squeezes tabs inside and around the key', () => {
    expect(readField(line('\tNetstack\tInstance:\tvmotion'))).toMatchObject({ key: 'netstack instance', value: 'vmotion' });
  });

  it('reads an empty value as the empty string', () => {
    expect(readField(line('   String Value:'))).toMatchObject({ key: 'string value', value: '' });
  });

  it('does not take bare words, IPv6 addresses, URLs or prompts for fields', () => {
    expect(readField(line('vmk0'))).toBeUndefined();
    expect(readField(line('fe80::250:56ff:fea3:95e5'))).toBeUndefined();
    expect(readField(line('http://example.com/x'))).toBeUndefined();
    expect(readField(line('[root@esx01:~] esxcli network ip interface list'))).toBeUndefined();
  });
});

describe('groupFields', () => {
  const isHead = (t: string) => /^\s*vmk\d+$/.test(t);

  it('opens a block at each head line and reports lines that are neither head nor field', () => {
    const { blocks, stray } = groupFields(
      toLines('vmk0\n   Name: vmk0\n   MTU: 1500\n\n <<truncated>>\nvmk1\n   Name: vmk1'),
      { isHead, firstKey: 'name' },
    );
    expect(blocks.map((b) => [b.head?.text, b.fields.map((f) => f.value)])).toEqual([
      ['vmk0', ['vmk0', '1500']],
      ['vmk1', ['vmk1']],
    ]);
    expect(stray.map((l) => l.n)).toEqual([5]);
  });

  it('splits headless blocks at the first key and at any repeated key', () => {
    const { blocks } = groupFields(
      toLines('   Path: /A/B\n   Type: integer\n   Path: /C/D\n   Type: string\n   Type: integer'),
      { firstKey: 'path' },
    );
    expect(blocks.map((b) => b.fields.map((f) => `${f.key}=${f.value}`))).toEqual([
      ['path=/A/B', 'type=integer'],
      ['path=/C/D', 'type=string'],
      ['type=integer'],
    ]);
  });

  it('keeps fields that precede any head in a headless block of their own', () => {
    const { blocks } = groupFields(toLines('   MTU: 1500\nvmk1\n   Name: vmk1'), { isHead, firstKey: 'name' });
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.head).toBeUndefined();
  });
});

describe('continuesListing', () => {
  const lines = toLines('vmk0\n   Name: vmk0\n   MTU: 1500\n\nvmk1\n   Name: vmk1');
  const isHead = (l: { text: string }) => /^vmk\d+$/.test(l.text);

  it('is true when walking back over fields and blanks reaches an earlier record start', () => {
    expect(continuesListing(lines, 4, isHead)).toBe(true);
  });

  it('is false for the first record and after an unrelated line', () => {
    expect(continuesListing(lines, 0, isHead)).toBe(false);
    expect(continuesListing(toLines('VMkernel Routes:\nvmk1\n   Name: vmk1'), 1, isHead)).toBe(false);
  });
});

describe('value readers', () => {
  it('reads N/A and empty as absent', () => {
    expect(presentValue('N/A')).toBeUndefined();
    expect(presentValue('n/a')).toBeUndefined();
    expect(presentValue('  ')).toBeUndefined();
    expect(presentValue('vSwitch0')).toBe('vSwitch0');
  });

  it('reads booleans and integers strictly', () => {
    expect(parseBoolean('true')).toBe(true);
    expect(parseBoolean('False')).toBe(false);
    expect(parseBoolean('yes please')).toBeUndefined();
    expect(parseInteger('9000')).toBe(9000);
    expect(parseInteger('-1')).toBe(-1);
    expect(parseInteger('90O0')).toBeUndefined();
    expect(parseInteger('1.5')).toBeUndefined();
  });

  it('warns on the line of a value that does not convert and leaves it out', () => {
    const warnings: ParserWarning[] = [];
    const [block] = groupFields(toLines('   MTU: jumbo\n   Enabled: true')).blocks;
    expect(block && typedValue(block, 'mtu', parseInteger, warnings)).toBeUndefined();
    expect(block && typedValue(block, 'enabled', parseBoolean, warnings)).toBe(true);
    expect(warnings).toEqual([{ line: 1, message: expect.stringContaining('"jumbo"') }]);
  });

  it('compact drops undefined properties only', () => {
    const out = compact({ a: 1, b: undefined, c: '', d: false });
    expect(out).toEqual({ a: 1, c: '', d: false });
    expect('b' in out).toBe(false);
  });
});

describe('command lines', () => {
  it('cuts at an unquoted pipe, removes quotes, maps localcli to esxcli and drops the directory', () => {
    expect(commandWords('/sbin/localcli network ip interface list | more')).toEqual(['esxcli', 'network', 'ip', 'interface', 'list']);
    expect(commandWords('grep -E "Migrate|vmkernelnic" /etc/vmware/esx.conf')).toEqual([
      'grep',
      '-E',
      'Migrate|vmkernelnic',
      '/etc/vmware/esx.conf',
    ]);
  });

  it('isEsxcli needs the namespace path contiguous, allows global options, refuses --formatter', () => {
    expect(isEsxcli('esxcli   network ip interface list -N vmotion', ['network', 'ip', 'interface', 'list'])).toBe(true);
    expect(isEsxcli('esxcli --debug network ip interface list', ['network', 'ip', 'interface', 'list'])).toBe(true);
    expect(isEsxcli('esxcli network ip interface ipv4 get', ['network', 'ip', 'interface', 'list'])).toBe(false);
    expect(isEsxcli('esxcli --formatter=xml network ip interface list', ['network', 'ip', 'interface', 'list'])).toBe(false);
    expect(isEsxcli('esxcfg-vmknic -l', ['network'])).toBe(false);
  });

  it('optionValue reads short, long and long=value forms', () => {
    const words = (c: string) => commandWords(c);
    expect(optionValue(words('esxcli x -i vmk1'), ['-i'], ['--interface-name'])).toBe('vmk1');
    expect(optionValue(words('esxcli x --interface-name=vmk2'), ['-i'], ['--interface-name'])).toBe('vmk2');
    expect(optionValue(words('esxcli x --interface-name vmk3'), ['-i'], ['--interface-name'])).toBe('vmk3');
    expect(optionValue(words('esxcli x -I 10.0.0.1'), ['-i'], ['--interface-name'])).toBeUndefined();
    expect(optionValue(words('esxcli x -i'), ['-i'], ['--interface-name'])).toBeUndefined();
  });
});
