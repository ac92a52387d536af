/**
 * Self-consistency of the example pastes in `examples/` (the fixtures of the README, the CLI demos and the
 * end-to-end tests). These tests check the fixtures, not the parsers: a fixture that contradicts itself (an address
 * outside its own broadcast, two IPs for one vmknic, a prompt naming another host) would make every test built on
 * it meaningless. The checks tokenise on whitespace on purpose, so they hold for the damaged pastes too.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = dirname(fileURLToPath(import.meta.url));

/** Every example and the host names its prompts must show (5.x `~ #` prompts and prompt-less pastes show none). */
const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  'seed-chan-5.0/esx01.txt': [],
  'seed-chan-5.0/esx02.txt': [],
  'seed-denneman-5.1/source.txt': [],
  'seed-denneman-5.1/dest.txt': [],
  'modern-7.0u3-same-subnet/esx-a.txt': ['esx21'],
  'modern-7.0u3-same-subnet/esx-b.txt': ['esx22'],
  'bind0-6.7/esx-a.txt': ['esx31'],
  'bind0-6.7/esx-b.txt': ['esx32'],
  'multinic-6.0u3/esx-a.txt': ['esx41'],
  'vmotion-stack-8.0/esx-a.txt': ['esx51'],
  'vmotion-stack-8.0/esx-b.txt': ['esx52'],
  'l3-vmotion-7.0/esx-a.txt': ['esx61'],
  'l3-vmotion-7.0/esx-b.txt': ['esx62'],
  'provisioning-fallback-7.0/esx-a.txt': ['esx71'],
  'provisioning-fallback-7.0/esx-b.txt': ['esx72'],
  'messy/web-squeezed.txt': ['esx81'],
  'messy/tabs-crlf.txt': ['esx82'],
  'messy/two-hosts-one-paste.txt': ['esx01', 'esx02'],
  'messy/bare-outputs.txt': [],
  'messy/typo-session.txt': ['esx83'],
  'messy/markdown-fenced.md': ['esx84'],
  'messy/only-version.txt': ['esx85'],
  'messy/not-esxi.txt': [],
  'messy/truncated.txt': ['esx86'],
};

/** 5.x sessions: `~ #` prompts, host name only in `esxcli system hostname get`. */
const FIVE_X: Readonly<Record<string, string>> = {
  'seed-chan-5.0/esx01.txt': 'esx01',
  'seed-chan-5.0/esx02.txt': 'esx02',
  'seed-denneman-5.1/source.txt': 'esx11',
  'seed-denneman-5.1/dest.txt': 'esx12',
};

const CRLF_FILES = new Set(['messy/tabs-crlf.txt']);
/** The one fixture whose last vmknic row is cut on purpose. */
const TRUNCATED = 'messy/truncated.txt';
/** Fixtures without any vmknic table. */
const NO_VMKNIC_TABLE = new Set(['messy/only-version.txt', 'messy/not-esxi.txt']);

const PAIRS: readonly (readonly [string, string])[] = [
  ['seed-chan-5.0/esx01.txt', 'seed-chan-5.0/esx02.txt'],
  ['seed-denneman-5.1/source.txt', 'seed-denneman-5.1/dest.txt'],
  ['modern-7.0u3-same-subnet/esx-a.txt', 'modern-7.0u3-same-subnet/esx-b.txt'],
  ['bind0-6.7/esx-a.txt', 'bind0-6.7/esx-b.txt'],
  ['vmotion-stack-8.0/esx-a.txt', 'vmotion-stack-8.0/esx-b.txt'],
  ['l3-vmotion-7.0/esx-a.txt', 'l3-vmotion-7.0/esx-b.txt'],
  ['provisioning-fallback-7.0/esx-a.txt', 'provisioning-fallback-7.0/esx-b.txt'],
];

const ANSI = /\x1b\[[0-9;]*m/g;
const PROMPT = /^\[([^@\]\s]+)@([^:\]\s]+):[^\]]*\]/;
const FIVE_X_PROMPT = /^~ # ?/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

function raw(rel: string): string {
  return readFileSync(join(DIR, rel), 'utf8');
}

/** Lines without line ends or colour codes. */
function lines(rel: string): string[] {
  return raw(rel).replace(ANSI, '').split(/\r?\n/);
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function isContiguousMask(mask: number): boolean {
  const inverted = ~mask >>> 0;
  return (inverted & (inverted + 1)) === 0;
}

interface VmknicRow {
  readonly host: string;
  readonly line: number;
  readonly vmk: string;
  readonly ip: string;
  readonly mask: string;
  readonly broadcast: string;
  readonly mac?: string;
  readonly mtu?: number;
}

/** Prompt host of each line: the host of the last prompt above it ('' before any prompt or in 5.x sessions). */
function hostOfLines(all: readonly string[]): string[] {
  let current = '';
  return all.map((line) => {
    const m = PROMPT.exec(line);
    if (m?.[2]) current = m[2];
    return current;
  });
}

/** IPv4 rows of `esxcfg-vmknic -l`, found by the `IPv4` family cell (works for squeezed and tabbed pastes). */
function vmknicRows(rel: string): { complete: VmknicRow[]; cut: number[] } {
  const all = lines(rel);
  const hosts = hostOfLines(all);
  const complete: VmknicRow[] = [];
  const cut: number[] = [];
  all.forEach((line, i) => {
    const tokens = line.trim().split(/\s+/);
    const family = tokens.indexOf('IPv4');
    if (!/^vmk\d+$/.test(tokens[0] ?? '') || family < 0) return;
    const [ip, mask, broadcast, mac, mtu] = tokens.slice(family + 1, family + 6);
    if (!ip || !mask || !broadcast || !IPV4.test(ip) || !IPV4.test(mask) || !IPV4.test(broadcast)) {
      cut.push(i + 1);
      return;
    }
    complete.push({
      host: hosts[i] ?? '',
      line: i + 1,
      vmk: tokens[0] ?? '',
      ip,
      mask,
      broadcast,
      ...(mac && MAC.test(mac) ? { mac } : {}),
      ...(mtu && /^\d+$/.test(mtu) ? { mtu: Number(mtu) } : {}),
    });
  });
  return { complete, cut };
}

/** Rows of `esxcli network ip interface ipv4 get`: name, address, mask, broadcast, address type. */
function ipv4GetRows(rel: string): { host: string; vmk: string; ip: string; mask: string }[] {
  const all = lines(rel);
  const hosts = hostOfLines(all);
  const rows: { host: string; vmk: string; ip: string; mask: string }[] = [];
  all.forEach((line, i) => {
    const m = /^(vmk\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(?:STATIC|DHCP)\b/.exec(line.trim());
    if (m?.[1] && m[2] && m[3] && IPV4.test(m[2]) && IPV4.test(m[3])) {
      rows.push({ host: hosts[i] ?? '', vmk: m[1], ip: m[2], mask: m[3] });
    }
  });
  return rows;
}

/** `vmnicN ... MAC ... MTU` rows of `esxcfg-nics -l`. */
function nicMacs(rel: string): Map<string, Set<string>> {
  const all = lines(rel);
  const hosts = hostOfLines(all);
  const byHost = new Map<string, Set<string>>();
  all.forEach((line, i) => {
    const tokens = line.trim().split(/\s+/);
    if (!/^vmnic\d+$/.test(tokens[0] ?? '')) return;
    const mac = tokens.find((t) => MAC.test(t));
    if (!mac) return;
    const host = hosts[i] ?? '';
    const set = byHost.get(host) ?? new Set<string>();
    set.add(mac);
    byHost.set(host, set);
  });
  return byHost;
}

/** `Local Subnet` routes of `esxcfg-route -l`: network, mask, interface. */
function localSubnetRoutes(rel: string): { host: string; network: string; mask: string; vmk: string; line: number }[] {
  const all = lines(rel);
  const hosts = hostOfLines(all);
  const routes: { host: string; network: string; mask: string; vmk: string; line: number }[] = [];
  all.forEach((line, i) => {
    const m = /^(\S+)\s+(\S+)\s+Local Subnet\s+(vmk\d+)\s*$/.exec(line.trim());
    if (m?.[1] && m[2] && m[3]) routes.push({ host: hosts[i] ?? '', network: m[1], mask: m[2], vmk: m[3], line: i + 1 });
  });
  return routes;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [relative(DIR, full).split(sep).join('/')];
  });
}

const FILES = Object.keys(EXAMPLES);

describe('example files', () => {
  it.each(FILES)('%s exists and is not empty', (rel) => {
    expect(existsSync(join(DIR, rel))).toBe(true);
    expect(raw(rel).trim().length).toBeGreaterThan(0);
  });

  it('the directory holds no example that this list and the README do not describe', () => {
    const extra = listFiles(DIR).filter((f) => !(f in EXAMPLES) && f !== 'README.md' && f !== 'examples.test.ts');
    expect(extra).toEqual([]);
  });

  it.each(FILES)('the README specifies the expected analysis of %s', (rel) => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8').split('\n');
    const slash = rel.lastIndexOf('/');
    const dir = rel.slice(0, slash + 1);
    const file = rel.slice(slash + 1);
    // Pairs are specified on one line as `dir/first.txt` + `second.txt`.
    expect(readme.some((line) => line.startsWith('- `' + dir) && line.includes(file + '`'))).toBe(true);
  });
});

describe('line endings', () => {
  it.each(FILES.filter((f) => !CRLF_FILES.has(f)))('%s uses LF only', (rel) => {
    expect(raw(rel)).not.toContain('\r');
  });

  it.each([...CRLF_FILES])('%s uses CRLF on every line', (rel) => {
    const text = raw(rel);
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('prompt host names', () => {
  it.each(FILES)('%s shows only the hosts it is meant to show', (rel) => {
    const seen = new Set<string>();
    for (const line of lines(rel)) {
      const m = PROMPT.exec(line);
      if (m?.[1]) {
        expect(m[1]).toBe('root');
        seen.add(m[2] ?? '');
      }
    }
    expect([...seen].sort()).toEqual([...(EXAMPLES[rel] ?? [])].sort());
  });

  it.each(Object.entries(FIVE_X))('%s is a 5.x session of %s: `~ #` prompts and one consistent host name', (rel, host) => {
    const all = lines(rel);
    expect(all.filter((l) => FIVE_X_PROMPT.test(l)).length).toBeGreaterThan(3);
    expect(all.some((l) => PROMPT.test(l))).toBe(false);
    const names = all.flatMap((l) => /Fully Qualified Domain Name: (\S+)/.exec(l)?.[1] ?? []);
    expect(names).toEqual([`${host}.lab.local`]);
  });

  it.each(PAIRS)('%s and %s are two different hosts', (a, b) => {
    const nameOf = (rel: string): string =>
      EXAMPLES[rel]?.[0] ?? lines(rel).flatMap((l) => /Host Name: (\S+)/.exec(l)?.[1] ?? [])[0] ?? '';
    expect(nameOf(a)).not.toBe('');
    expect(nameOf(a)).not.toBe(nameOf(b));
  });
});

describe('esxcfg-vmknic -l rows', () => {
  it.each(FILES.filter((f) => !NO_VMKNIC_TABLE.has(f)))('%s has IPv4 vmknic rows', (rel) => {
    expect(vmknicRows(rel).complete.length).toBeGreaterThan(0);
  });

  it.each(FILES)('every IPv4 address in %s lies inside the network of its netmask and broadcast', (rel) => {
    for (const row of vmknicRows(rel).complete) {
      const ip = ipToInt(row.ip);
      const mask = ipToInt(row.mask);
      const broadcast = ipToInt(row.broadcast);
      const where = `${rel}:${row.line}`;
      expect(isContiguousMask(mask), `${where} netmask ${row.mask}`).toBe(true);
      expect((ip & mask) >>> 0, `${where} ${row.ip} outside ${row.broadcast}`).toBe((broadcast & mask) >>> 0);
      expect(broadcast, `${where} broadcast of ${row.ip}/${row.mask}`).toBe((ip | ~mask) >>> 0);
      expect(ip === broadcast || ip === (ip & mask) >>> 0, `${where} ${row.ip} is a network or broadcast address`).toBe(false);
    }
  });

  it('only the truncated example has a cut row, and it is its last line', () => {
    for (const rel of FILES) {
      const { cut } = vmknicRows(rel);
      if (rel === TRUNCATED) {
        expect(cut).toEqual([lines(rel).length]);
        expect(raw(rel).endsWith('\n')).toBe(false);
      } else {
        expect(cut, rel).toEqual([]);
      }
    }
  });

  it.each(FILES)('vmknic MACs in %s are vmk0 = an uplink MAC, every other vmknic 00:50:56', (rel) => {
    const uplinks = nicMacs(rel);
    for (const row of vmknicRows(rel).complete) {
      expect(row.mac, `${rel}:${row.line}`).toBeDefined();
      if (row.vmk === 'vmk0') {
        expect(row.mac?.startsWith('00:50:56'), `${rel}:${row.line} vmk0 uses a physical MAC`).toBe(false);
        const nics = uplinks.get(row.host);
        if (nics) expect(nics.has(row.mac ?? ''), `${rel}:${row.line} vmk0 MAC on a vmnic`).toBe(true);
      } else {
        expect(row.mac?.startsWith('00:50:56'), `${rel}:${row.line}`).toBe(true);
      }
    }
  });
});

describe('consistency across the commands of one host', () => {
  it.each(FILES)('%s gives each vmknic one address in esxcfg-vmknic and in ipv4 get', (rel) => {
    const table = new Map(vmknicRows(rel).complete.map((r) => [`${r.host}/${r.vmk}`, `${r.ip}/${r.mask}`]));
    for (const row of ipv4GetRows(rel)) {
      const key = `${row.host}/${row.vmk}`;
      if (table.has(key)) expect(`${row.ip}/${row.mask}`, `${rel} ${key}`).toBe(table.get(key));
    }
  });

  it.each(FILES)('every Local Subnet route in %s names a vmknic of that subnet', (rel) => {
    const rows = vmknicRows(rel).complete;
    for (const route of localSubnetRoutes(rel)) {
      const owner = rows.find((r) => r.host === route.host && r.vmk === route.vmk);
      expect(owner, `${rel}:${route.line}`).toBeDefined();
      if (owner) {
        expect(route.mask).toBe(owner.mask);
        expect(ipToInt(route.network)).toBe((ipToInt(owner.ip) & ipToInt(owner.mask)) >>> 0);
      }
    }
  });

  it.each(FILES)('every MAC and MTU in the interface list of %s matches esxcfg-vmknic', (rel) => {
    const rows = new Map(vmknicRows(rel).complete.map((r) => [`${r.host}/${r.vmk}`, r]));
    const all = lines(rel);
    const hosts = hostOfLines(all);
    let current: string | undefined;
    all.forEach((line, i) => {
      const name = /^(vmk\d+)$/.exec(line);
      if (name?.[1]) current = `${hosts[i] ?? ''}/${name[1]}`;
      const mac = /^ {3}MAC Address: (\S+)$/.exec(line);
      const mtu = /^ {3}MTU: (\d+)$/.exec(line);
      const row = current ? rows.get(current) : undefined;
      if (mac?.[1]) expect(row?.mac, `${rel}:${i + 1} ${current}`).toBe(mac[1]);
      if (mtu?.[1] && current) expect(row?.mtu, `${rel}:${i + 1} ${current}`).toBe(Number(mtu[1]));
    });
  });

  it.each(PAIRS)('%s and %s share no IPv4 address and no MAC', (a, b) => {
    const ra = vmknicRows(a).complete;
    const rb = vmknicRows(b).complete;
    const ipsA = new Set(ra.map((r) => r.ip));
    const macsA = new Set(ra.map((r) => r.mac));
    expect(rb.filter((r) => ipsA.has(r.ip))).toEqual([]);
    expect(rb.filter((r) => macsA.has(r.mac))).toEqual([]);
  });
});

describe('ESXi generation of each esxcfg-vmknic layout', () => {
  it.each(FILES.filter((f) => !NO_VMKNIC_TABLE.has(f) && f !== 'messy/web-squeezed.txt'))(
    '%s prints the NetStack column exactly when the host is 6.x or later',
    (rel) => {
      const all = lines(rel);
      const hosts = hostOfLines(all);
      let headers = 0;
      all.forEach((line, i) => {
        if (!line.startsWith('Interface')) return;
        headers += 1;
        // The version of this host: the nearest `vmware -vl` or `esxcli system version get` line above the table,
        // printed under the same prompt host.
        let major = Number.NaN;
        for (let j = i - 1; j >= 0 && Number.isNaN(major); j -= 1) {
          const m = /^(?:VMware ESXi |\s+Version: )(\d+)\./.exec(all[j] ?? '');
          if (m?.[1] && hosts[j] === hosts[i]) major = Number(m[1]);
        }
        expect(Number.isNaN(major), `${rel}:${i + 1} has a version line above it`).toBe(false);
        expect(/NetStack/.test(line), `${rel}:${i + 1}`).toBe(major >= 6);
        expect(/Opaque Network/.test(line), `${rel}:${i + 1}`).toBe(major >= 6);
      });
      expect(headers).toBeGreaterThan(0);
    },
  );
});
