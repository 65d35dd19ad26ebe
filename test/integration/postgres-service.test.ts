/**
 * The wired service with SKILLPROOF_STORE=postgres against the embedded default on the same ESCO fixture and fake
 * embedder: same answers from the same use cases, a refusal naming the fix when the database does not match.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../src/adapters/hashing-embedder.js';
import { openPgDatabase } from '../../src/adapters/postgres/pg-database.js';
import type { Embedder } from '../../src/ports/embedder.js';
import { loadConfig } from '../../src/service/config.js';
import { createService, type WiredService } from '../../src/service/create-service.js';
import { writeEscoMini } from '../fixtures/esco-mini.js';
import { pgForTests, skipPostgres } from '../helpers/pg-for-tests.js';

const ROOT = join(import.meta.dirname, '..', '..');
const escoDir = writeEscoMini();
const cacheDir = mkdtempSync(join(tmpdir(), 'sp-pgsvc-cache-'));

function service(env: Record<string, string>, embedder: Embedder = createHashingEmbedder(256)): WiredService {
  const config = { ...loadConfig({ SKILLPROOF_ESCO_DIR: escoDir, SKILLPROOF_CACHE_DIR: cacheDir, SKILLPROOF_DATA_DIR: mkdtempSync(join(tmpdir(), 'sp-pgsvc-data-')), ...env }, ROOT), modelsDir: null };
  return createService({ config, embedders: { primary: embedder, multilingual: embedder }, queryCacheSize: 0 });
}

const POSTING = 'Data Engineer\n\nRequirements:\n- Strong Python programming and SQL\n- Experience with data pipelines\n\nNice to have:\n- Git';

const pg = await pgForTests();
if (!pg.ok) skipPostgres(pg.reason);
else {
  let url: string;
  let embedded: WiredService;
  let postgres: WiredService;
  beforeAll(async () => {
    url = await pg.database('service');
    embedded = service({});
    postgres = service({ SKILLPROOF_STORE: 'postgres', DATABASE_URL: url });
  });
  afterAll(async () => {
    await embedded.close();
    await postgres.close();
  });

  describe('the service on PostgreSQL', () => {
    it('refuses an un-migrated database, naming the command', async () => {
      await expect(postgres.searchSkills({ query: 'python', k: 3 })).rejects.toMatchObject({ code: 'database_not_migrated', message: expect.stringContaining('skillproof store migrate') });
    });

    it('after migrate and load-taxonomy, answers searches and analyses exactly like the embedded store', async () => {
      expect(await postgres.store!.migrate()).toEqual(expect.arrayContaining(['0001_base-schema']));
      const loaded = await postgres.store!.loadTaxonomy({});
      expect(loaded.map((c) => c.name)).toEqual([`skills:${createHashingEmbedder(256).id}`, `occupations:${createHashingEmbedder(256).id}`]);
      for (const query of ['python programming', 'SQL databases', 'version control with git', 'nursing care']) {
        const [a, b] = await Promise.all([embedded.searchSkills({ query, k: 5 }), postgres.searchSkills({ query, k: 5 })]);
        expect(b.map((h) => h.uri)).toEqual(a.map((h) => h.uri));
        b.forEach((h, i) => expect(h.score).toBeCloseTo(a[i]!.score, 4));
      }
      const [x, y] = await Promise.all([embedded.analyze({ text: POSTING }), postgres.analyze({ text: POSTING })]);
      expect(y.skills.map((s) => [s.escoUri, s.importance])).toEqual(x.skills.map((s) => [s.escoUri, s.importance]));
      expect(y.occupations.map((o) => o.escoUri)).toEqual(x.occupations.map((o) => o.escoUri));
      const status = await postgres.store!.status();
      expect(status.pendingMigrations).toEqual([]);
      expect(status.analyses).toBe(1);
    });

    it('imports and plans from the catalogue in the database like the embedded one', async () => {
      const starter = join(ROOT, 'skills-taxonomy', 'catalog', 'starter.json');
      const report = await postgres.importCatalog({ paths: [starter] });
      expect(report.catalogSize).toBe(await embedded.catalogCount());
      const db = openPgDatabase(url);
      const some = (await db.query<{ uri: string }>('SELECT uri FROM skill_ref ORDER BY id LIMIT 4')).rows.map((r) => ({ escoUri: r.uri, label: r.uri }));
      await db.close();
      const [a, b] = await Promise.all([embedded.plan({ gapSkills: some }), postgres.plan({ gapSkills: some })]);
      expect(b.plan.items.map((i) => i.id)).toEqual(a.plan.items.map((i) => i.id));
      expect(b.plan.totalCost).toBe(a.plan.totalCost);
    });

    it('refuses to serve vectors of another model, saying how to fix it', async () => {
      const other = service({ SKILLPROOF_STORE: 'postgres', DATABASE_URL: url }, createHashingEmbedder(128));
      await expect(other.searchSkills({ query: 'python', k: 3 })).rejects.toMatchObject({ code: 'store_model_mismatch', message: expect.stringContaining('store load-taxonomy') });
      await other.close();
    });

    it('the store commands say they need PostgreSQL with the embedded store', () => {
      expect(embedded.store).toBeNull();
      expect(embedded.shared).toBeNull();
    });
  });
}
