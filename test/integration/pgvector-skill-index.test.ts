import { beforeAll, describe, expect, it } from 'vitest';
import { ExactSkillIndex } from '../../src/adapters/exact-skill-index.js';
import { HnswSkillIndex } from '../../src/adapters/hnsw-skill-index.js';
import { migrateDatabase, openPgDatabase, type PgDatabase } from '../../src/adapters/postgres/pg-database.js';
import { loadCollection, PgvectorSkillIndex, type CollectionIdentity } from '../../src/adapters/postgres/pgvector-skill-index.js';
import { contractTable, skillIndexContract } from '../contracts/skill-index.contract.js';
import { pgForTests, skipPostgres } from '../helpers/pg-for-tests.js';

const table = contractTable();
const groups = table.groups;

skillIndexContract('exact (embedded)', () => new ExactSkillIndex(table.dim, table.vectors, table.texts, groups));
const hnsw = HnswSkillIndex.build(table.dim, table.vectors, table.texts, groups, { m: 16, efConstruction: 100, efSearch: 100 });
skillIndexContract('hnsw (embedded)', () => hnsw);

const pg = await pgForTests();
if (!pg.ok) skipPostgres(pg.reason);
else {
  const identity: CollectionIdentity = { collection: 'skills', embedder: 'test/fake@1', dim: table.dim, escoVersion: 'v1.2.0', escoFingerprint: 'abc', contentKey: 'k1' };
  let db: PgDatabase;
  let index: PgvectorSkillIndex;
  beforeAll(async () => {
    db = openPgDatabase(await pg.database('skill_index'));
    await migrateDatabase(db);
    await loadCollection(db, identity, table, { m: 16, efConstruction: 64, efSearch: 100 });
    index = await PgvectorSkillIndex.open(db, identity);
    return () => db.close();
  });
  skillIndexContract('pgvector (postgres)', () => index);

  describe('pgvector skill index: what the database holds', () => {
    it('refuses a database loaded with another embedding model, naming both', async () => {
      await expect(PgvectorSkillIndex.open(db, { ...identity, embedder: 'other/model@q8' })).rejects.toMatchObject({
        code: 'store_model_mismatch',
        message: expect.stringContaining('test/fake@1'),
      });
    });
    it('refuses a database loaded from another ESCO version', async () => {
      await expect(PgvectorSkillIndex.open(db, { ...identity, escoVersion: 'v1.1.1' })).rejects.toMatchObject({
        code: 'store_esco_mismatch',
        message: expect.stringMatching(/ESCO v1\.2\.0, not ESCO v1\.1\.1/),
      });
    });
    it('says to load the taxonomy when a collection was never loaded', async () => {
      await expect(PgvectorSkillIndex.open(db, { ...identity, collection: 'occupations' })).rejects.toMatchObject({ message: expect.stringContaining('store load-taxonomy') });
    });
    it('migrations are idempotent', async () => {
      expect(await migrateDatabase(db)).toEqual([]);
    });
    it('a reload replaces the collection and its index', async () => {
      await loadCollection(db, identity, table, { m: 8, efConstruction: 32, efSearch: 100 });
      const again = await PgvectorSkillIndex.open(db, identity);
      expect((await again.searchSurfaces(table.vectors.subarray(0, table.dim), 1))[0]!.point).toBe(0);
      const idx = await db.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname LIKE 'vector_point_hnsw_%'`);
      expect(idx.rows[0]!.n).toBe(1);
    });
  });
}

describe('postgres errors say what to do', () => {
  it('an unreachable DATABASE_URL', async () => {
    const db = openPgDatabase('postgres://u:secret@127.0.0.1:1/none');
    await expect(db.query('SELECT 1')).rejects.toMatchObject({ code: 'database_unreachable', message: expect.stringContaining('DATABASE_URL') });
    await expect(db.query('SELECT 1')).rejects.toSatisfy((e: Error) => !e.message.includes('secret'));
    await db.close();
  });
});
