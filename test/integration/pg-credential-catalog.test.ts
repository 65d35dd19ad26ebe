import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FileCredentialCatalog } from '../../src/adapters/file-credential-catalog.js';
import { PgCredentialCatalog } from '../../src/adapters/postgres/pg-credential-catalog.js';
import { migrateDatabase, openPgDatabase, type PgDatabase } from '../../src/adapters/postgres/pg-database.js';
import { credentialCatalogContract } from '../contracts/credential-catalog.contract.js';
import { pgForTests, skipPostgres } from '../helpers/pg-for-tests.js';

credentialCatalogContract('file (embedded)', {
  async open() {
    const storePath = join(mkdtempSync(join(tmpdir(), 'sp-cat-contract-')), 'catalog.json');
    return { catalog: new FileCredentialCatalog({ storePath }), reopen: async () => new FileCredentialCatalog({ storePath }) };
  },
});

const pg = await pgForTests();
if (!pg.ok) skipPostgres(pg.reason);
else {
  const dbs: PgDatabase[] = [];
  let template: string;
  beforeAll(async () => {
    const db = openPgDatabase(await pg.database('catalog_template'));
    await migrateDatabase(db);
    await db.close();
    template = db.url.split('/').pop()!;
  });
  afterAll(async () => {
    for (const db of dbs) await db.close();
  });
  let n = 0;
  credentialCatalogContract('postgres', {
    async open() {
      // A fresh database per case, cloned from a migrated template (fast).
      const name = `catalog_case_${++n}`;
      const admin = openPgDatabase(pg.cluster.url);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      await admin.close();
      const url = pg.cluster.url.replace(/\/postgres$/, `/${name}`);
      const db = openPgDatabase(url);
      dbs.push(db);
      return {
        catalog: new PgCredentialCatalog(db),
        reopen: async () => {
          const other = openPgDatabase(url);
          dbs.push(other);
          return new PgCredentialCatalog(other);
        },
      };
    },
  });
}
