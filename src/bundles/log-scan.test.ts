import { describe, expect, it } from 'vitest';
import { LogScanner } from './log-scan.ts';

const enc = new TextEncoder();

function scan(text: string | Uint8Array, chunk: number, maxHits = 100) {
  const bytes = typeof text === 'string' ? enc.encode(text) : text;
  const s = new LogScanner('vmkernel.log', maxHits);
  for (let at = 0; at < bytes.length; at += chunk) s.push(bytes.subarray(at, at + chunk));
  return s.end();
}

const LOG = [
  '2024-01-01T00:00:00Z cpu1:1)NetPort: 1: nothing',
  '2024-01-01T00:00:01Z cpu1:1)Migrate: 314: vmotion: Source ts = 1, srcIP = <10.0.0.1> dstIP = <10.0.0.2>',
  'noise',
  '2024-01-01T00:00:02Z cpu1:1)VMotion: 2734: 1 S: Set ip address \'10.0.0.1\'',
  '[NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to server 10.0.0.9:902',
].join('\r\n');

describe('LogScanner', () => {
  it('keeps the migration lines with their line numbers, whatever the chunk boundaries', () => {
    for (const chunk of [1, 3, 7, 64, 1 << 20]) {
      const r = scan(LOG, chunk);
      expect(r.hits.map((h) => h.line), `chunk ${chunk}`).toEqual([2, 4, 5]);
      expect(r.hits[0]?.text.endsWith('<10.0.0.2>'), 'CR removed').toBe(true);
      expect(r.lines).toBe(5);
    }
  });

  it('decodes UTF-8 split across chunks and replaces invalid bytes', () => {
    const bytes = enc.encode('Migrate: café\nMigrate: x\n');
    const broken = new Uint8Array([...bytes.subarray(0, 9), 0xff, ...bytes.subarray(9)]);
    for (const chunk of [1, 2, 11]) expect(scan(broken, chunk).hits.map((h) => h.text)).toEqual(['Migrate: \uFFFDcafé', 'Migrate: x']);
  });

  it('drops a line too long to be log text but still counts it', () => {
    const r = scan(`Migrate: ${'x'.repeat(70_000)}\nMigrate: short\n`, 4096);
    expect(r.hits.map((h) => [h.line, h.text])).toEqual([[2, 'Migrate: short']]);
  });

  it('caps the kept lines and says so', () => {
    const r = scan('Migrate: a\n'.repeat(10), 5, 3);
    expect(r.hits).toHaveLength(3);
    expect(r.truncated).toBe(true);
  });
});

describe('LogScanner family markers (issue 16)', () => {
  it('keeps every family case-insensitively: hostd VMotionSrc, vpxa [MIGRATE], vmware.log Migrate_Open, the bare failure message', () => {
    const text = [
      "2015-02-20T10:01:02Z esx01 Hostd: [52F4CB90 verbose 'VMotionSrc (1424439619388924)'] Set source task result",
      'noise line',
      '2015-02-20T10:01:00Z esx02 Vpxa: [MIGRATE] (1424439619388924) immigrating VM 42',
      '2026-04-14T15:38:20.200Z| vmx| I120: Migrate_Open: Restoring from <10.0.0.2> with migration id 1446046703473901',
      ' Migration considered a failure by the VMX.',
      'İ another line whose lower case is longer',
      'ANOTHER VMOTION LINE IN CAPITALS',
    ].join('\n');
    for (const chunk of [5, 64, 1 << 20]) {
      expect(scan(text, chunk).hits.map((h) => h.line), `chunk ${chunk}`).toEqual([1, 3, 4, 5, 7]);
    }
  });
});
