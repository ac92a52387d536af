/**
 * Issue 9, "Safe by construction": every rule proved on an archive crafted in the test. A refusal is a clear
 * sentence naming its member; a refused member is never read; nothing is ever written anywhere.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource, readBundle } from './index.ts';
import type { BundleReading } from './index.ts';
import { bundleA, filesA, TOP_A } from './fixtures.test-support.ts';
import { gzip, hostBundle, tar, tgz, zip } from './test-support.ts';
import type { TarFile } from './test-support.ts';
import type { BundleLimits } from './limits.ts';

const read = (name: string, bytes: Uint8Array, limits: Partial<BundleLimits> = {}) => readBundle(bytesSource(name, bytes), { limits });

function codes(r: BundleReading): string[] {
  return r.problems.map((p) => p.code);
}

/** A valid host bundle plus hostile entries. */
function withEntries(extra: readonly TarFile[]): Uint8Array {
  return tgz([...hostBundle(TOP_A, filesA()), ...extra]);
}

describe('member names', () => {
  const cases: [string, string, RegExp][] = [
    ['an absolute path', '/etc/passwd', /absolute path/],
    ['a ".." segment', `${TOP_A}/../../outside/esx.conf`, /climbs out of the archive with "\.\."/],
    ['a leading ".."', '../evil.txt', /climbs out/],
    ['a drive letter', 'C:/Windows/system32/x.txt', /drive letter/],
    ['a backslash', `${TOP_A}/commands\\esxcfg-vmknic_-l.txt`, /backslash/],
  ];
  for (const [what, name, reason] of cases) {
    it(`refuses ${what}, naming the member, and reads the rest`, async () => {
      const r = await read('hostile.tgz', withEntries([{ path: name, body: 'VMware ESXi 6.0.0 build-1\n' }]));
      const p = r.problems.find((x) => x.code === 'UNSAFE_NAME');
      expect(p?.member).toBe(`hostile.tgz → ${name}`);
      expect(p?.message).toMatch(reason);
      expect(p?.message).toContain(name);
      expect(p?.fatal).toBe(false);
      expect(r.hosts[0]?.model?.version?.version).toBe('7.0.3');
    });
  }

  it('refuses unsafe names inside a vCenter export too', async () => {
    const r = await read('export.zip', zip({ '../escape.tgz': bundleA(), '/abs.tgz': bundleA(), 'ok.tgz': bundleA() }));
    expect(r.problems.filter((p) => p.code === 'UNSAFE_NAME').map((p) => p.member).sort()).toEqual(['export.zip → ../escape.tgz', 'export.zip → /abs.tgz']);
    expect(r.hosts).toHaveLength(1);
  });
});

describe('links and special entries', () => {
  it('ignores symbolic and hard links, even where a read member would be, and never follows them', async () => {
    const files = filesA();
    delete files['commands/esxcfg-vmknic_-l.txt'];
    const r = await read(
      'links.tgz',
      tgz([
        ...hostBundle(TOP_A, files),
        { path: `${TOP_A}/commands/esxcfg-vmknic_-l.txt`, type: '2', linkname: '/etc/shadow' },
        { path: `${TOP_A}/etc/vmware/esx.conf`, type: '1', linkname: `${TOP_A}/README` },
      ]),
    );
    const links = r.problems.filter((p) => p.code === 'LINK_IGNORED');
    expect(links.map((p) => p.member)).toEqual([`links.tgz → ${TOP_A}/commands/esxcfg-vmknic_-l.txt`, `links.tgz → ${TOP_A}/etc/vmware/esx.conf`]);
    expect(links[0]?.message).toMatch(/link \(to \/etc\/shadow\); links are never followed/);
    expect(r.hosts[0]?.recognised.some((x) => x.kind === 'esxcfg-vmknic')).toBe(false);
  });

  it('ignores character and block devices and FIFOs', async () => {
    const r = await read('dev.tgz', withEntries([
      { path: `${TOP_A}/dev/null`, type: '3' },
      { path: `${TOP_A}/dev/sda`, type: '4' },
      { path: `${TOP_A}/commands/pipe.txt`, type: '6' },
    ]));
    expect(r.problems.filter((p) => p.code === 'SPECIAL_IGNORED').map((p) => p.message)).toEqual([
      `dev.tgz → ${TOP_A}/dev/null is a character-device entry, not a file; it is ignored.`,
      `dev.tgz → ${TOP_A}/dev/sda is a block-device entry, not a file; it is ignored.`,
      `dev.tgz → ${TOP_A}/commands/pipe.txt is a fifo entry, not a file; it is ignored.`,
    ]);
  });

  it('ignores a symbolic link stored in a vCenter export', async () => {
    const z = zipSync({ 'link.tgz': [new TextEncoder().encode('/etc/passwd'), { level: 0, os: 3, attrs: (0o120777 << 16) >>> 0 }], 'ok.tgz': [bundleA(), { level: 0 }] });
    const r = await read('export.zip', z);
    expect(r.problems.find((p) => p.code === 'LINK_IGNORED')?.member).toBe('export.zip → link.tgz');
    expect(r.hosts).toHaveLength(1);
  });
});

describe('caps', () => {
  it('stops at the member count cap', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ path: `${TOP_A}/var/tmp/f${i}`, body: 'x' }));
    const r = await read('many.tgz', withEntries(many), { maxEntries: 30 });
    const p = r.problems.find((x) => x.code === 'TOO_MANY_ENTRIES');
    expect(p).toMatchObject({ fatal: true, member: 'many.tgz' });
    expect(p?.message).toMatch(/more than 30 entries/);
  });

  it('refuses a member above the per-member cap by name, and reads the others', async () => {
    const r = await read('big.tgz', withEntries([{ path: `${TOP_A}/commands/esxcfg-route_-n.txt`, body: 'x'.repeat(8192) }]), { maxMemberBytes: 4096 });
    const p = r.problems.find((x) => x.code === 'MEMBER_TOO_LARGE');
    expect(p?.member).toBe(`big.tgz → ${TOP_A}/commands/esxcfg-route_-n.txt`);
    expect(p?.message).toMatch(/more than the limit of .* for one member; it is not read/);
    expect(r.hosts[0]?.model?.vmknics).toHaveLength(2);
  });

  it('stops keeping members once the kept-bytes cap is reached', async () => {
    const r = await read('kept.tgz', bundleA(), { maxKeptBytes: 2000 });
    expect(codes(r)).toContain('KEPT_TOO_LARGE');
    expect(r.problems.find((x) => x.code === 'KEPT_TOO_LARGE')?.message).toMatch(/is not read: the members already read fill the/);
  });

  it('stops the whole reading at the total uncompressed cap', async () => {
    const r = await read('total.tgz', withEntries([{ path: `${TOP_A}/var/core/big.dump`, body: new Uint8Array(300_000) }]), { maxTotalBytes: 100_000 });
    const p = r.problems.find((x) => x.code === 'TOTAL_TOO_LARGE');
    expect(p?.fatal).toBe(true);
    expect(p?.message).toMatch(/expands to more than 0\.1 MiB in total/);
  });

  it('stops on a compression ratio that marks a bomb, even in a member that is never read', async () => {
    const bomb = withEntries([{ path: `${TOP_A}/var/core/zeros.dump`, body: new Uint8Array(24 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    const r = await read('bomb.tgz', bomb, { ratioFloorBytes: 4 * 1024 * 1024, maxRatio: 100 });
    const p = r.problems.find((x) => x.code === 'COMPRESSION_BOMB');
    expect(p).toMatchObject({ fatal: true, member: 'bomb.tgz' });
    expect(p?.message).toMatch(/expanded to .* \(more than 100 times\), which marks a decompression bomb/);
  });

  it('refuses a rotated log that is a bomb, and keeps the rest of the host', async () => {
    const files = { ...filesA(), 'var/run/log/vmkernel.2.gz': gzip(new Uint8Array(16 * 1024 * 1024)) };
    const r = await read('logbomb.tgz', tgz(hostBundle(TOP_A, files)), { ratioFloorBytes: 1024 * 1024, maxRatio: 100 });
    const p = r.problems.find((x) => x.code === 'COMPRESSION_BOMB');
    expect(p?.member).toBe(`${TOP_A}/var/run/log/vmkernel.2.gz`);
    expect(p?.fatal).toBe(false);
    expect(r.hosts[0]?.observed.length).toBeGreaterThan(0);
  });

  it('refuses a host bundle of an export that is a bomb and reads the other hosts', async () => {
    const bomb = tgz([...hostBundle('esx-bomb-2024-01-01--00.00-1', { 'var/core/z': new Uint8Array(24 * 1024 * 1024) })]);
    const r = await read('export.zip', zip({ 'a.tgz': bomb, 'b.tgz': bundleA() }), { ratioFloorBytes: 4 * 1024 * 1024, maxRatio: 100 });
    expect(r.problems.find((x) => x.code === 'COMPRESSION_BOMB')?.member).toBe('export.zip → a.tgz');
    expect(r.hosts.map((h) => h.name)).toContain('esx21.lab.local');
  });
});

describe('nesting depth: zip → tgz → gz, no deeper', () => {
  it('reads zip → tgz → rotated .gz log', async () => {
    const r = await read('export.zip', zip({ 'a.tgz': bundleA() }));
    expect(r.hosts[0]?.logs.find((l) => l.file.endsWith('vmkernel.1.gz'))?.scanned).toBe(true);
  });

  it('refuses a zip inside the export', async () => {
    const r = await read('export.zip', zip({ 'inner.zip': zip({ 'a.tgz': bundleA() }), 'b.tgz': bundleA() }));
    const p = r.problems.find((x) => x.code === 'TOO_DEEP');
    expect(p?.member).toBe('export.zip → inner.zip');
    expect(r.hosts).toHaveLength(1);
  });

  it('refuses a .gz log whose content is compressed again', async () => {
    const files = { ...filesA(), 'var/run/log/vmkernel.3.gz': gzip(gzip('2024-01-01T00:00:00Z x\n')) };
    const r = await read('export.zip', zip({ 'a.tgz': tgz(hostBundle(TOP_A, files)) }));
    const p = r.problems.find((x) => x.code === 'TOO_DEEP');
    expect(p?.member).toBe(`${TOP_A}/var/run/log/vmkernel.3.gz`);
    expect(p?.message).toMatch(/nesting stops at zip → tgz → gz/);
  });

  it('with a depth cap of 2, refuses the .gz inside a tgz inside a zip', async () => {
    const r = await read('export.zip', zip({ 'a.tgz': bundleA() }), { maxDepth: 2 });
    expect(r.problems.filter((x) => x.code === 'TOO_DEEP').map((x) => x.member)).toEqual([
      `export.zip → a.tgz → ${TOP_A}/var/run/log/vmkernel.0.gz`,
      `export.zip → a.tgz → ${TOP_A}/var/run/log/vmkernel.1.gz`,
    ]);
    // The same bundle given directly is one level shallower: its .gz logs are read.
    expect(codes(await read('a.tgz', bundleA(), { maxDepth: 2 }))).not.toContain('TOO_DEEP');
  });
});

describe('damaged and foreign input', () => {
  it('decodes text as UTF-8 with replacement characters instead of failing', async () => {
    const files = filesA();
    const text = files['commands/esxcfg-vmknic_-l.txt'] as string;
    // An invalid byte (0xff) in both rows of vmk0.
    const bytes = new TextEncoder().encode(text.replaceAll('Management Network  ', 'Management Netw\u0000rk  '));
    for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) bytes[i] = 0xff;
    const r = await read('utf8.tgz', tgz(hostBundle(TOP_A, { ...files, 'commands/esxcfg-vmknic_-l.txt': bytes })));
    expect(r.hosts[0]?.model?.vmknics[0]?.portGroup).toBe('Management Netw\uFFFDrk');
  });

  it('stops with a clear message on a truncated archive, keeping what was read before', async () => {
    const whole = bundleA();
    const r = await read('cut.tgz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    // Which layer notices the cut first (gunzip, or tar finding a member short) depends on how the async stream
    // is chunked; either way there is exactly one fatal problem, naming the archive, saying it is cut.
    expect(r.problems).toHaveLength(1);
    const [problem] = r.problems;
    expect(problem).toMatchObject({ code: 'CORRUPT', fatal: true });
    expect(problem?.member).toMatch(/^cut\.tgz/);
    expect(problem?.message).toMatch(/^cut\.tgz.*(not valid gzip data \(unexpected EOF\)|is cut short .*the archive is truncated)/);
    expect(r.hosts[0]?.model?.vmknics.map((n) => n.name)).toEqual(['vmk0', 'vmk1']);
  });

  it('says a file that is neither gzip nor zip is not a bundle', async () => {
    const r = await read('notes.tgz', new TextEncoder().encode('[root@esx01:~] esxcfg-vmknic -l\n'));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'NOT_A_BUNDLE', fatal: true })]);
    expect(r.hosts).toEqual([]);
  });

  it('reads a plain (uncompressed) tar by its ustar magic', async () => {
    const r = await read('bundle.tar', tar(hostBundle(TOP_A, filesA())));
    expect(r.hosts[0]?.name).toBe('esx21.lab.local');
  });

  it('refuses encrypted export members and unsupported compression methods by name', async () => {
    const z = zip({ 'enc.tgz': bundleA(), 'bz2.tgz': bundleA(), 'ok.tgz': bundleA() });
    patchCentral(z, 'enc.tgz', (v, at) => v.setUint16(at + 8, v.getUint16(at + 8, true) | 1, true));
    patchCentral(z, 'bz2.tgz', (v, at) => v.setUint16(at + 10, 12, true));
    const r = await read('export.zip', z);
    expect(r.problems.find((p) => p.code === 'ENCRYPTED')?.member).toBe('export.zip → enc.tgz');
    expect(r.problems.find((p) => p.code === 'UNSUPPORTED')?.message).toMatch(/bz2\.tgz uses zip compression method 12/);
    expect(r.hosts).toHaveLength(1);
  });

  it('reads a ZIP64 export (the form exports above 4 GiB take)', async () => {
    const r = await read('export64.zip', zip64('esx21-vm2024.tgz', bundleA()));
    expect(r.problems).toEqual([]);
    expect(r.hosts.map((h) => h.name)).toEqual(['esx21.lab.local']);
  });
});

/** Applies `edit` to the central directory entry of `name` (DataView, offset of the entry). */
function patchCentral(z: Uint8Array, name: string, edit: (v: DataView, at: number) => void): void {
  const v = new DataView(z.buffer, z.byteOffset, z.byteLength);
  let eocd = z.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let at = v.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  for (;;) {
    const n = v.getUint16(at + 28, true);
    if (dec.decode(z.subarray(at + 46, at + 46 + n)) === name) return edit(v, at);
    at += 46 + n + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
}

/** A stored single-member ZIP64 archive, written field by field (APPNOTE 4.3.14, 4.3.15, 4.5.3). */
function zip64(name: string, data: Uint8Array): Uint8Array {
  const enc = new TextEncoder().encode(name);
  const out = new Uint8Array(30 + enc.length + 20 + data.length + 46 + enc.length + 28 + 56 + 20 + 22);
  const v = new DataView(out.buffer);
  let at = 0;
  const u16 = (x: number) => (v.setUint16(at, x, true), (at += 2));
  const u32 = (x: number) => (v.setUint32(at, x >>> 0, true), (at += 4));
  const u64 = (x: number) => (u32(x % 0x100000000), u32(Math.floor(x / 0x100000000)));
  const bytes = (b: Uint8Array) => (out.set(b, at), (at += b.length));
  // Local header with a ZIP64 extra (sizes).
  u32(0x04034b50), u16(45), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0xffffffff), u32(0xffffffff), u16(enc.length), u16(20);
  bytes(enc);
  u16(1), u16(16), u64(data.length), u64(data.length);
  bytes(data);
  const cd = at;
  u32(0x02014b50), u16((3 << 8) | 45), u16(45), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0xffffffff), u32(0xffffffff);
  u16(enc.length), u16(28), u16(0), u16(0), u16(0), u32((0o100644 << 16) >>> 0), u32(0xffffffff);
  bytes(enc);
  u16(1), u16(24), u64(data.length), u64(data.length), u64(0);
  const cdSize = at - cd;
  const record = at;
  u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(1), u64(1), u64(cdSize), u64(cd);
  u32(0x07064b50), u32(0), u64(record), u32(1);
  u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0);
  return out.subarray(0, at);
}
