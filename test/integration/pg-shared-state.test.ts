import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openPgDatabase, type PgDatabase } from '../../src/adapters/postgres/pg-database.js';
import { PgPairingStore } from '../../src/adapters/postgres/pg-pairing-store.js';
import { createPgRateLimiter } from '../../src/adapters/postgres/pg-rate-limiter.js';
import { Pairing } from '../../src/server/pairing.js';
import { pgForTests, skipPostgres } from '../helpers/pg-for-tests.js';

const EXT = `chrome-extension://${'b'.repeat(32)}`;
const replica = (db: PgDatabase) => new Pairing({ dataDir: mkdtempSync(join(tmpdir(), 'sp-pair-')), shared: new PgPairingStore(db) });

const pg = await pgForTests();
if (!pg.ok) skipPostgres(pg.reason);
else {
  let db: PgDatabase;
  let other: PgDatabase;
  beforeAll(async () => {
    db = openPgDatabase(await pg.database('shared_state'));
    await migrateDatabase(db);
    other = openPgDatabase(db.url);
  });
  afterAll(async () => {
    await db.close();
    await other.close();
  });

  describe('pairing shared by replicas', () => {
    it('a code shown by one replica pairs on another, once; the token works on both', async () => {
      const a = replica(db);
      const b = replica(other);
      const codeA = a.issueCode();
      const codeB = b.issueCode();
      await Promise.all([a.published(), b.published()]);
      const r = await b.pair(codeA, EXT);
      if (!r.ok) throw new Error(r.message);
      expect(await a.verify(r.token)).toBe(EXT);
      expect(await b.verify(r.token)).toBe(EXT);
      expect(await a.pair(codeA, EXT)).toMatchObject({ ok: false, code: 'invalid_pairing_code' });
      // Replica B's own code is still good, and A learns that its code was used elsewhere.
      expect((await a.pair(codeB, EXT)).ok).toBe(true);
      await a.refresh(true);
      expect(a.hasValidCode()).toBe(false);
      expect(a.isPairedOrigin(EXT)).toBe(true);
    });
    it('ten wrong guesses on any replicas burn the waiting codes', async () => {
      const a = replica(db);
      const b = replica(other);
      const code = a.issueCode();
      await a.published();
      const wrong = code === '00000000' ? '11111111' : '00000000';
      for (let i = 0; i < 10; i++) await (i % 2 ? a : b).pair(wrong, EXT);
      expect((await b.pair(code, EXT)).ok).toBe(false);
    });
  });

  describe('rate limits shared by replicas', () => {
    it('one bucket per key across limiter instances, refilled over time', async () => {
      let t = 1_000_000;
      const opts = { capacity: 3, refillPerSecond: 1, now: () => t };
      const a = createPgRateLimiter(db, opts);
      const b = createPgRateLimiter(other, opts);
      expect([await a.take('k'), await b.take('k'), await a.take('k'), await b.take('k')]).toEqual([true, true, true, false]);
      expect(await a.take('other-key')).toBe(true);
      t += 1000;
      expect([await b.take('k'), await a.take('k')]).toEqual([true, false]);
    });
  });
}
