/**
 * The CredentialCatalog contract (src/ports/credential-catalog.ts) as test functions shared by every adapter.
 * `open(name)` returns a fresh, empty catalogue; `reopen` (optional) a second instance over the same storage.
 */
import { describe, expect, it } from 'vitest';
import { CredentialEntrySchema, type CredentialEntry, type CredentialEntryInput } from '../../src/core/catalog/credential-entry.js';
import type { CredentialCatalog } from '../../src/ports/credential-catalog.js';

const S = (n: string) => `http://data.europa.eu/esco/skill/${n}`;

export function entry(over: Partial<CredentialEntryInput> & { id: string }): CredentialEntry {
  return CredentialEntrySchema.parse({
    title: `Course ${over.id}`,
    provider: 'Example Academy',
    cost: { amount: 100, currency: 'EUR', free: false },
    workload: { hours: 20, ects: null },
    skills: [{ uri: S('python'), label: 'Python', provenance: 'declared', confidence: 1 }],
    ...over,
  });
}

export interface CatalogFactory {
  open(): Promise<{ catalog: CredentialCatalog; reopen?: () => Promise<CredentialCatalog> }>;
}

export function credentialCatalogContract(name: string, factory: CatalogFactory): void {
  describe(`CredentialCatalog contract: ${name}`, () => {
    it('starts empty and counts distinct entries', async () => {
      const { catalog } = await factory.open();
      expect(await catalog.count()).toBe(0);
      expect(await catalog.list()).toEqual([]);
      await catalog.upsert([entry({ id: 'a' }), entry({ id: 'b' })]);
      expect(await catalog.count()).toBe(2);
    });

    it('gets entries by id, unchanged', async () => {
      const { catalog } = await factory.open();
      const e = entry({ id: 'x1', eqfLevel: 5, languages: ['en', 'fr'], mode: 'online', url: 'https://example.org/x1', stackableInto: ['Big one'] });
      await catalog.upsert([e]);
      expect(await catalog.get('x1')).toEqual(e);
      expect(await catalog.get('missing')).toBeUndefined();
    });

    it('looks up by skill URIs: each entry once, unknown URIs match nothing, low-confidence inferred skills left out', async () => {
      const { catalog } = await factory.open();
      await catalog.upsert([
        entry({ id: 'py', title: 'Python', skills: [{ uri: S('python'), label: 'Python', provenance: 'declared', confidence: 1 }, { uri: S('sql'), label: 'SQL', provenance: 'declared', confidence: 1 }] }),
        entry({ id: 'sq', title: 'SQL', skills: [{ uri: S('sql'), label: 'SQL', provenance: 'inferred', confidence: 0.6 }] }),
        entry({ id: 'gi', title: 'Git', skills: [{ uri: S('git'), label: 'Git', provenance: 'inferred', confidence: 0.9 }] }),
      ]);
      const ids = async (uris: string[], min?: number) => (await catalog.lookupBySkills(uris, { minConfidence: min })).map((e) => e.id).sort();
      expect(await ids([S('python'), S('sql')])).toEqual(['py', 'sq']);
      expect(await ids([S('sql')], 0.8)).toEqual(['py']);
      expect(await ids([S('git')], 0.8)).toEqual(['gi']);
      expect(await ids([S('nothing')])).toEqual([]);
      expect(await ids([])).toEqual([]);
    });

    it('lists in a stable order by id, in pages', async () => {
      const { catalog } = await factory.open();
      await catalog.upsert(['d', 'a', 'c', 'b', 'e'].map((id) => entry({ id, title: `T ${id}` })));
      expect((await catalog.list()).map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect((await catalog.list({ offset: 1, limit: 2 })).map((e) => e.id)).toEqual(['b', 'c']);
      expect((await catalog.list({ offset: 4 })).map((e) => e.id)).toEqual(['e']);
    });

    it('merges an upsert into a stored entry with the same id, URL or duplicate key, and reports it', async () => {
      const { catalog } = await factory.open();
      const first = await catalog.upsert([entry({ id: 'm1', title: 'Data Basics', url: 'https://example.org/data', skills: [{ uri: S('sql'), label: 'SQL', provenance: 'inferred', confidence: 0.7 }] })]);
      expect(first).toEqual({ inserted: 1, merged: 0, ids: ['m1'] });
      // Same URL, other id: merged into m1, the skill's evidence upgraded to declared.
      const byUrl = await catalog.upsert([entry({ id: 'other', title: 'Data basics (2024)', url: 'https://example.org/data/', eqfLevel: 4, skills: [{ uri: S('sql'), label: 'SQL', provenance: 'declared', confidence: 1 }] })]);
      expect(byUrl).toEqual({ inserted: 0, merged: 1, ids: ['m1'] });
      // Same title, provider and type (duplicate key), other id and no URL.
      const byKey = await catalog.upsert([entry({ id: 'third', title: 'DATA  basics', languages: ['de'], skills: [] })]);
      expect(byKey.merged).toBe(1);
      expect(await catalog.count()).toBe(1);
      const stored = (await catalog.get('m1'))!;
      expect(stored.eqfLevel).toBe(4);
      expect(stored.languages).toEqual(['de']);
      expect(stored.skills).toEqual([expect.objectContaining({ uri: S('sql'), provenance: 'declared' })]);
      expect((await catalog.lookupBySkills([S('sql')], { minConfidence: 0.9 })).map((e) => e.id)).toEqual(['m1']);
      // Same id again.
      expect((await catalog.upsert([entry({ id: 'm1', title: 'Data Basics', skills: [] })])).merged).toBe(1);
    });

    it('merges duplicates within one upsert call, in input order', async () => {
      const { catalog } = await factory.open();
      const r = await catalog.upsert([entry({ id: 'p', title: 'Same' }), entry({ id: 'q', title: 'Same' }), entry({ id: 'r', title: 'Other' })]);
      expect(r).toEqual({ inserted: 2, merged: 1, ids: ['p', 'p', 'r'] });
    });

    it('persists before resolving: a second instance sees the entries', async () => {
      const { catalog, reopen } = await factory.open();
      if (!reopen) return;
      await catalog.upsert([entry({ id: 'kept' })]);
      const again = await reopen();
      expect((await again.get('kept'))?.title).toBe('Course kept');
      expect(await again.count()).toBe(1);
    });
  });
}
