import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The shells run in an empty scratch folder: if quoting ever broke, a stray redirection writes there, not into the repository. */
const SCRATCH = mkdtempSync(join(tmpdir(), 'vpd-quoting-'));
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { command } from './command-text.ts';
import { tokenizePowerShellArguments } from './powershell-tokens.test-support.ts';
import { PS_SINGLE_QUOTES, UnsafeValueError, displayValue, quotePowerShell, quoteSh, renderCommand, unsafeReason } from './shell.ts';

/**
 * Runs one rendered ESXi line in a real POSIX sh (dash here, busybox ash on ESXi) with `esxcli` stubbed as a
 * function printing its arguments NUL-separated, and `reboot`/`id`/`touch` stubbed to shout if anything runs
 * them. PATH is empty, so no other program can run either.
 */
function runSh(line: string, env: Record<string, string> = {}): { argv: string[]; status: number | null; stderr: string } {
  const script = [
    "esxcli() { printf '%s\\0' \"$@\"; }",
    "reboot() { printf 'RAN:reboot\\0'; }",
    "id() { printf 'RAN:id\\0'; }",
    "touch() { printf 'RAN:touch\\0'; }",
    'PATH=/nonexistent',
    line,
  ].join('\n');
  const r = spawnSync('/bin/sh', ['-c', script], { env: { ...env }, encoding: 'buffer', cwd: SCRATCH });
  const out = r.stdout.toString('utf8');
  return { argv: out === '' ? [] : out.replace(/\0$/, '').split('\0'), status: r.status, stderr: r.stderr.toString('utf8') };
}

const SHELL_TRAPS = ["'", '"', '$(', ')', '`', ';', '|', '&', '&&', '\\', '$', ' ', '*', '?', '~', '#', '<', '>', '{', '}', '!', '\u2018', '\u2019', '\u201A', '\u201B', '\u201C', 'é', '😀', 'reboot', 'id', '-', '=', '$HOME', '${IFS}', '%', '^'];
const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...SHELL_TRAPS), { maxLength: 12 }).map((a) => a.join('')),
  fc.constantFrom('vMo$(reboot)`id`', "it's", "'; reboot; '", '$(touch /tmp/x)', 'a\u2019b', "''", ''),
);
/** No lone surrogate halves: they cannot be written as UTF-8, so no terminal could paste them. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const safeValue = tricky.filter((s) => wellFormed(s) && unsafeReason(s) === undefined);

const line = (value: string) =>
  renderCommand(command('sh', 'esxcli network vswitch standard portgroup set -p {portGroup} -v {vlan}', { portGroup: { value, field: 'port-group name' }, vlan: { value: '20', field: 'VLAN' } }));

describe('POSIX sh rendering (real /bin/sh, esxcli stubbed)', () => {
  it('passes any value as one argument, unchanged, and runs nothing else', () => {
    fc.assert(
      fc.property(safeValue, (value) => {
        const r = runSh(line(value));
        expect(r.stderr).toBe('');
        expect(r.argv).toEqual(['network', 'vswitch', 'standard', 'portgroup', 'set', '-p', value, '-v', '20']);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the issue\'s example port group as one quoted word', () => {
    const text = line('vMo$(reboot)`id`');
    expect(text).toBe("esxcli network vswitch standard portgroup set -p 'vMo$(reboot)`id`' -v 20");
    expect(runSh(text).argv).toContain('vMo$(reboot)`id`');
  });

  it('writes a quote inside a value as \'\\\'\'', () => {
    expect(quoteSh("it's")).toBe("'it'\\''s'");
  });

  it('leaves plain names bare and quotes everything else', () => {
    expect(quoteSh('vSwitch1')).toBe('vSwitch1');
    expect(quoteSh('10.0.0.0/24')).toBe('10.0.0.0/24');
    expect(quoteSh('Management Network')).toBe("'Management Network'");
    expect(quoteSh('')).toBe("''");
    expect(quoteSh('~root')).toBe("'~root'");
  });

  it('makes an unfilled placeholder refuse the whole line instead of reading a file', () => {
    const text = renderCommand(command('sh', 'esxcli network vswitch standard portgroup set -p {portGroup} -v {vlan}', { portGroup: { value: 'vMotion', field: 'pg' } }));
    expect(text).toContain('"${FILL_vlan:?}"');
    const refused = runSh(text);
    expect(refused.argv).toEqual([]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/FILL_vlan/);
    // Set first, it runs with that value.
    expect(runSh(text, { FILL_vlan: '30' }).argv).toEqual(['network', 'vswitch', 'standard', 'portgroup', 'set', '-p', 'vMotion', '-v', '30']);
  });
});

describe('PowerShell rendering (tokenizer written from the language specification)', () => {
  const psLine = (value: string) =>
    renderCommand(command('powershell', 'Get-VirtualPortGroup -VMHost $vmhost -Name {portGroup}', { portGroup: { value, field: 'port-group name' } }));

  it('round-trips any value as one single-quoted argument', () => {
    fc.assert(
      fc.property(safeValue, (value) => {
        const tokens = tokenizePowerShellArguments(psLine(value));
        expect(tokens.map((t) => t.text)).toEqual(['Get-VirtualPortGroup', '-VMHost', '$vmhost', '-Name', value]);
        const last = tokens[4]!;
        if (!/^\d+$/.test(value)) expect(last.quoted).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('doubles each of the four single-quote characters', () => {
    for (const q of PS_SINGLE_QUOTES) expect(quotePowerShell(`a${q}b`)).toBe(`'a${q}${q}b'`);
    expect(quotePowerShell('esx$(reboot);x')).toBe("'esx$(reboot);x'");
  });

  it('renders an unfilled placeholder as an expression that throws before any cmdlet runs', () => {
    const text = renderCommand(command('powershell', 'Set-VirtualPortGroup -VLanId {vlan}', {}));
    expect(text).toBe("Set-VirtualPortGroup -VLanId (throw 'FILL_vlan')");
  });
});

describe('values no quoting makes safe', () => {
  const unsafe = ['a\nb', 'a\rb', 'nul\0', 'tab\tx', 'del\u007f', 'c1\u0085', 'ls\u2028x', 'bidi\u202eevil'];
  it.each(unsafe)('refuses %j, naming the value (escaped) and the field', (value) => {
    expect(unsafeReason(value)).toBeDefined();
    const c = command('sh', 'esxcli network vswitch standard portgroup set -p {portGroup} -v 20', { portGroup: { value, field: 'port-group name of vmk1 on esx01' } });
    try {
      renderCommand(c);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnsafeValueError);
      const msg = (e as Error).message;
      expect(msg).toContain('port-group name of vmk1 on esx01');
      expect(msg).toContain(displayValue(value));
      expect(msg).not.toMatch(/[\n\r\0\t\u2028\u202e]/);
    }
  });
});

describe('templates', () => {
  it('reject a slot glued to template text', () => {
    expect(() => command('sh', 'esxcli network ip interface add --dvs-name={dvs}', {})).toThrow(/glues a slot/);
    expect(() => command('powershell', "Get-VM -Name '{vm}'", {})).toThrow(/glues a slot/);
  });
});
