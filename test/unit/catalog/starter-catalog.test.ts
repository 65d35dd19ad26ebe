import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileCredentialCatalog } from '../../../src/adapters/file-credential-catalog.js';
import { CredentialEntrySchema } from '../../../src/core/catalog/credential-entry.js';
import { loadConfig } from '../../../src/service/config.js';

const STARTER = join(import.meta.dirname, '..', '..', '..', 'skills-taxonomy', 'catalog', 'starter.json');
const shared = loadConfig(process.env).sharedDir;

describe('starter catalogue', () => {
  it('loads through the file catalogue with no problems and has 25–40 entries, all priced with hours', async () => {
    const cat = new FileCredentialCatalog({ storePath: join(import.meta.dirname, 'does-not-exist.json'), seedPaths: [STARTER] });
    const n = await cat.count();
    expect(cat.problems).toEqual([]);
    expect(n).toBeGreaterThanOrEqual(25);
    expect(n).toBeLessThanOrEqual(40);
    for (const e of await cat.list()) {
      expect(CredentialEntrySchema.safeParse(e).success).toBe(true);
      expect(e.cost).not.toBeNull();
      expect(e.workload.hours).toBeGreaterThan(0);
      expect(e.skills.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(!shared)('uses only ESCO skill URIs that exist, with their preferred labels', () => {
    const csv = readFileSync(join(shared!, 'esco', 'skills_en.csv'), 'utf8');
    const json = JSON.parse(readFileSync(STARTER, 'utf8')) as { entries: { skills: { uri: string }[] }[] };
    for (const e of json.entries) for (const s of e.skills) expect(csv.includes(`,${s.uri},`)).toBe(true);
  });
});
