import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FileAnalysisStore } from '../../src/adapters/file-analysis-store.js';
import { PgAnalysisStore } from '../../src/adapters/postgres/pg-analysis-store.js';
import { migrateDatabase, openPgDatabase, type PgDatabase } from '../../src/adapters/postgres/pg-database.js';
import { analysisStoreContract } from '../contracts/analysis-store.contract.js';
import { pgForTests, skipPostgres } from '../helpers/pg-for-tests.js';

analysisStoreContract('file (embedded)', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'sp-as-contract-'));
    return {
      store: new FileAnalysisStore({ dir }),
      reopen: async () => new FileAnalysisStore({ dir }),
      damage: async (key) => writeFileSync(join(dir, `${key}.json`), '{"schemaVersion": "0.0"'),
    };
  },
});

const pg = await pgForTests();
if (!pg.ok) skipPostgres(pg.reason);
else {
  let db: PgDatabase;
  beforeAll(async () => {
    db = openPgDatabase(await pg.database('analysis_store'));
    await migrateDatabase(db);
  });
  afterAll(() => db.close());
  analysisStoreContract('postgres', {
    async open() {
      await db.query('TRUNCATE posting_analysis');
      return {
        store: new PgAnalysisStore(db),
        reopen: async () => new PgAnalysisStore(openPgDatabase(db.url)),
        damage: async (key) => void (await db.query(`UPDATE posting_analysis SET analysis = '{"schemaVersion": "0.0"}' WHERE key = $1`, [key])),
      };
    },
  });
}
