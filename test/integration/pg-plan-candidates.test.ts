import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileCredentialCatalog } from '../../src/adapters/file-credential-catalog.js';
import { createHighsCoverSolver } from '../../src/adapters/highs-cover-solver.js';
import { bulkLoadCatalog } from '../../src/adapters/postgres/pg-bulk-catalog.js';
import { PgCredentialCatalog } from '../../src/adapters/postgres/pg-credential-catalog.js';
import { migrateDatabase, openPgDatabase, type PgDatabase } from '../../src/adapters/postgres/pg-database.js';
import type { CredentialEntry } from '../../src/core/catalog/credential-entry.js';
import type { PlanConstraintsInput } from '../../src/core/plan/plan-types.js';
import type { CredentialCatalog } from '../../src/ports/credential-catalog.js';
import { planCredentials } from '../../src/service/plan-credentials.js';
import { seeded } from '../contracts/skill-index.contract.js';
import { entry } from '../contracts/credential-catalog.contract.js';
import { pgForTests, skipPostgres } from '../helpers/pg-for-tests.js';

const S = (i: number) => `http://data.europa.eu/esco/skill/s${i}`;

/** A catalogue that exercises every filter: currencies with and without a rate, free and unpriced, ECTS-only, ties. */
function catalogue(n: number): CredentialEntry[] {
  const r = seeded(11);
  const of = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const k = 1 + Math.floor(r() * 3);
    const skills = Array.from({ length: k }, () => Math.floor(Math.pow(r(), 2) * 30)).map((s) => ({ uri: S(s), label: `skill ${s}`, provenance: r() < 0.7 ? ('declared' as const) : ('inferred' as const), confidence: r() < 0.5 ? 0.95 : 0.7 }));
    const priced = r() < 0.9;
    return entry({
      id: `e${i}`,
      title: `Entry ${i}`,
      provider: of(['Alpha Academy', 'Beta University', 'Gamma Online']),
      awardingBody: r() < 0.3 ? [of(['Delta Board', 'Alpha Academy'])] : [],
      cost: priced ? { amount: Math.round(r() * 40) * 5, currency: of(['EUR', 'USD', 'GBP', 'JPY']), free: r() < 0.1 } : null,
      workload: r() < 0.8 ? { hours: Math.round(r() * 20) * 2.5, ects: null } : { hours: null, ects: r() < 0.5 ? 2 : null },
      eqfLevel: r() < 0.2 ? null : 3 + Math.floor(r() * 4),
      languages: r() < 0.1 ? [] : [of(['en', 'de', 'fr'])],
      mode: r() < 0.1 ? null : of(['online', 'onsite', 'hybrid'] as const),
      stackableInto: r() < 0.2 ? ['Track'] : [],
      verifiableFormat: of(['ob3', 'edc', 'none', 'unknown'] as const),
      skills: [...new Map(skills.map((s) => [s.uri, s])).values()],
    });
  });
}

const hierarchy = { broader: () => [], narrower: (u: string) => (u === S(0) ? [S(28), S(29)] : []), related: () => [] } as never;

const pg = await pgForTests();
if (!pg.ok) skipPostgres(pg.reason);
else {
  const entries = catalogue(3000);
  let db: PgDatabase;
  let file: CredentialCatalog;
  beforeAll(async () => {
    db = openPgDatabase(await pg.database('plan_candidates'));
    await migrateDatabase(db);
    const dir = mkdtempSync(join(tmpdir(), 'sp-plan-'));
    writeFileSync(join(dir, 'c.jsonl'), entries.map((e) => JSON.stringify(e)).join('\n'));
    await bulkLoadCatalog(db, [join(dir, 'c.jsonl')], {});
    file = new FileCredentialCatalog({ storePath: join(dir, 'catalog.json') });
    await file.upsert(entries);
  });
  afterAll(() => db?.close());

  const constraintSets: PlanConstraintsInput[] = [
    {},
    { language: 'en' },
    { language: 'de', strict: true, mode: 'online' },
    { verifiableOnly: true, maxEqfLevel: 5 },
    { eqfLevel: 4, includeUnpriced: true, currency: 'USD' },
    { providers: ['alpha'], budget: 150 },
    { excludeProviders: ['Beta University'], maxHours: 30 },
  ];
  describe('planner candidate search in SQL', () => {
    it('gives the same plans as the planner over the full skill lookup', async () => {
      const solver = createHighsCoverSolver();
      const r = seeded(5);
      let compared = 0;
      let withItems = 0;
      for (let g = 0; g < 6; g++) {
        const gapSkills = [...new Set(Array.from({ length: 2 + Math.floor(r() * 4) }, () => Math.floor(r() * 30)))].map((s) => ({ escoUri: S(s), label: `skill ${s}` }));
        for (const constraints of constraintSets) {
          const run = (catalog: CredentialCatalog) => planCredentials({ gapSkills, constraints, minConfidence: 0.8 }, { catalog, solver, hierarchy, profileStore: null as never });
          const [a, b] = await Promise.all([run(file), run(new PgCredentialCatalog(db))]);
          const shape = (p: typeof a.plan) => ({ feasible: p.feasible, items: p.items.map((i) => i.id).sort(), cost: p.totalCost, hours: p.totalHours, covered: p.covered, uncovered: p.uncovered, withoutLimits: p.withoutLimits?.totalCost ?? null });
          expect(shape(b.plan), JSON.stringify({ gapSkills, constraints })).toEqual(shape(a.plan));
          expect(b.plan.candidates.considered).toBeLessThanOrEqual(a.plan.candidates.considered);
          compared++;
          if (a.plan.items.length > 0) withItems++;
        }
      }
      expect(compared).toBe(42);
      expect(withItems).toBeGreaterThan(25);
    });

    it('upserts keep the plan columns on the skill links in step with the credential', async () => {
      const fresh = openPgDatabase(await pg.database('plan_upsert'));
      await migrateDatabase(fresh);
      const cat = new PgCredentialCatalog(fresh);
      await cat.upsert(entries.slice(0, 150));
      // A merge (same id, an extra skill) rewrites the links too.
      await cat.upsert([{ ...entries[0]!, skills: [...entries[0]!.skills, { uri: S(99), label: 'extra', provenance: 'declared', confidence: 1, sourceText: null }] }]);
      const bad = await fresh.query(`SELECT count(*)::int AS n FROM credential_skill cs JOIN credential c ON c.seq = cs.credential_seq
        WHERE cs.hours_tenths <> floor(COALESCE(c.hours, c.ects * 25, 40) * 10 + 0.5) OR cs.cost_amount IS DISTINCT FROM c.cost_amount
           OR cs.cost_currency IS DISTINCT FROM c.cost_currency OR cs.cost_free IS DISTINCT FROM c.cost_free OR cs.stackable <> c.stackable
           OR cs.eqf_level IS DISTINCT FROM c.eqf_level OR cs.mode IS DISTINCT FROM c.mode OR cs.verifiable <> c.verifiable`);
      expect(bad.rows[0]!.n).toBe(0);
      await fresh.close();
    });
  });
}
