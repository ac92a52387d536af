import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvidence } from '../parsers/index.ts';
import { importFile } from './import-file.ts';

const PUBLISHED = join(import.meta.dirname, '../parsers/__fixtures__/published');
const published = readdirSync(PUBLISHED)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(PUBLISHED, f), 'utf8') }));

describe('importFile on pasted ESXi sessions (what `scan` and the Scan view get)', () => {
  it('reads every published output the paste parsers read, as a paste with the same hosts, whatever its first character', () => {
    let bracketed = 0;
    for (const { name, text } of published) {
      const loaded = loadEvidence([{ file: name, text }]);
      if (!loaded.ok) continue;
      // A session copied from a terminal starts with its prompt, `[root@esx01:~]`, which also opens a JSON array.
      if (text.trimStart().startsWith('[')) bracketed++;
      const r = importFile({ name, kind: 'text', text });
      expect(r.ok, `${name}: ${r.ok ? '' : r.error.message}`).toBe(true);
      if (!r.ok) continue;
      expect(r.value.format).toBe('esxi-paste');
      expect(r.value.hosts.map((h) => h.name)).toEqual(loaded.hosts.map((h) => h.name));
    }
    expect(bracketed).toBeGreaterThanOrEqual(3);
  });

  it('still refuses broken JSON that holds no ESXi output, naming the JSON error', () => {
    const r = importFile({ name: 'export.json', kind: 'text', text: '[{"VMHost": "esx01", "Name": "vmk0",' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^export\.json is not valid JSON \(.+\): expected an RVTools export/);
  });
});
