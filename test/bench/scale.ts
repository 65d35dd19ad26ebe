/**
 * `npm run bench -- scale`: the embedded store and PostgreSQL + pgvector side by side in one run, on a throw-away
 * cluster. Skill search agreement and plan identity, pgvector HNSW recall@10 against exact search per ef_search,
 * the 1M-credential bulk load, plan latency against it, and two `skillproof serve` replicas under load and a kill.
 * BENCH_SCALE_N overrides the catalogue size (default 1,000,000); the generated file is cached in .cache/bench.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { FileCredentialCatalog } from '../../src/adapters/file-credential-catalog.js';
import { createHighsCoverSolver } from '../../src/adapters/highs-cover-solver.js';
import { PgCredentialCatalog } from '../../src/adapters/postgres/pg-credential-catalog.js';
import { openPgDatabase } from '../../src/adapters/postgres/pg-database.js';
import { DEFAULT_PG_HNSW, type PgvectorSkillIndex } from '../../src/adapters/postgres/pgvector-skill-index.js';
import { openSkillIndex } from '../../src/adapters/skill-index-store.js';
import type { SkillRef } from '../../src/core/plan/plan-types.js';
import type { CredentialCatalog } from '../../src/ports/credential-catalog.js';
import { loadConfig, type Config } from '../../src/service/config.js';
import { createService, type WiredService } from '../../src/service/create-service.js';
import { planCredentials } from '../../src/service/plan-credentials.js';
import { syntheticCatalog } from '../../src/service/synthetic-catalog.js';
import { startPgCluster } from '../helpers/pg-cluster.js';
import { loadDecorteSplit } from './decorte.js';
import { benchReplicas } from './scale-replicas.js';
import { printTable } from './table.js';

const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const f1 = (x: number) => x.toFixed(1);
const f3 = (x: number) => x.toFixed(3);

function stderrProgress(label: string) {
  let last = 0;
  return (phase: string, done: number, total: number) => {
    if (performance.now() - last > 5000 || done === total) {
      last = performance.now();
      process.stderr.write(`  ${label} ${phase} ${done}/${total}\n`);
    }
  };
}

/** Typical gaps: gold ESCO skills of consecutive benchmark sentences, 3–6 per gap (real job-ad demands). */
function typicalGaps(golds: string[][], n: number, labelOf: (u: string) => string): SkillRef[][] {
  const out: SkillRef[][] = [];
  let cur = new Set<string>();
  for (const g of golds) {
    for (const u of g) cur.add(u);
    if (cur.size >= 3 + (out.length % 4)) {
      out.push([...cur].slice(0, 6).map((u) => ({ escoUri: u, label: labelOf(u) })));
      cur = new Set();
      if (out.length === n) break;
    }
  }
  return out;
}

async function ensureCatalogFile(service: WiredService, config: Config, count: number): Promise<{ path: string; generatedSeconds: number | null }> {
  const dir = join(config.cacheDir, 'bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `catalog-${count}-seed42.jsonl`);
  if (existsSync(path)) return { path, generatedSeconds: null };
  const t0 = performance.now();
  const out = createWriteStream(`${path}.tmp`);
  for (const e of syntheticCatalog(await service.taxonomy(), { count, seed: 42 })) if (!out.write(`${JSON.stringify(e)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  renameSync(`${path}.tmp`, path);
  return { path, generatedSeconds: ms(t0) / 1000 };
}

export async function benchScale(config: Config): Promise<void> {
  console.log('\n## Scale: embedded vs PostgreSQL + pgvector (one run, throw-away cluster on loopback)');
  const started = await startPgCluster({ settings: { shared_buffers: '1GB', maintenance_work_mem: '1GB', max_wal_size: '8GB', checkpoint_timeout: '30min', work_mem: '64MB' } });
  if (!started.ok) {
    console.log(`skipped: ${started.reason}`);
    return;
  }
  const { cluster } = started;
  const benchDir = join(config.sharedDir!, 'bench');
  try {
    const url = await cluster.createDatabase('skillproof_bench');
    const embedded = createService({ config, queryCacheSize: 0, analysisStore: null });
    const pgConfig = loadConfig({ ...process.env, SKILLPROOF_STORE: 'postgres', DATABASE_URL: url });
    const postgres = createService({ config: pgConfig, queryCacheSize: 0, analysisStore: null });
    const admin = postgres.store!;
    await admin.migrate();
    let t0 = performance.now();
    const loaded = await admin.loadTaxonomy({}, stderrProgress('load-taxonomy'));
    console.log(`ESCO labels into pgvector (COPY + HNSW m=16 ef_construction=100): ${loaded.map((c) => `${c.name} ${c.points} in ${f1(c.seconds)} s`).join('; ')} (${f1(ms(t0) / 1000)} s)`);

    // 1. Top-10 skill search: the same queries through both services.
    const tax = await embedded.taxonomy();
    const queries = loadDecorteSplit(benchDir, 'tech_test_annotations.csv', tax).queries;
    const sample = queries.slice(0, Number(process.env.BENCH_SCALE_QUERIES ?? 300));
    let overlap = 0;
    let sameList = 0;
    const tEmb: number[] = [];
    const tPg: number[] = [];
    for (const q of sample) {
      t0 = performance.now();
      const a = await embedded.searchSkills({ query: q.sentence, k: 10 });
      tEmb.push(ms(t0));
      t0 = performance.now();
      const b = await postgres.searchSkills({ query: q.sentence, k: 10 });
      tPg.push(ms(t0));
      const bs = new Set(b.map((h) => h.uri));
      overlap += a.filter((h) => bs.has(h.uri)).length / Math.max(1, a.length);
      if (a.map((h) => h.uri).join() === b.map((h) => h.uri).join()) sameList++;
    }
    console.log(`\nTop-10 skill search on ${sample.length} benchmark sentences (Decorte tech test):`);
    printTable(
      ['', 'embedded (hnswlib)', 'postgres (pgvector)'],
      [
        ['search p50 / p95 ms', `${f1(pct(tEmb, 50))} / ${f1(pct(tEmb, 95))}`, `${f1(pct(tPg, 50))} / ${f1(pct(tPg, 95))}`],
        ['top-10 overlap with embedded', '1.000', f3(overlap / sample.length)],
        ['identical ranked top-10 lists', `${sample.length}/${sample.length}`, `${sameList}/${sample.length}`],
      ],
    );

    // 2. pgvector recall@10 against exact search, per ef_search.
    const engine = await postgres.engine('primary');
    const pgIndex = engine.index as PgvectorSkillIndex;
    const exact = (await openSkillIndex({ taxonomy: tax, embedder: engine.embedder, cacheDir: config.cacheDir, options: { languages: tax.languages } })).exact();
    const vectors = await engine.embedder.embed(sample.map((q) => q.sentence), 'query');
    const truth = vectors.map((v) => exact.searchSurfaces(v, 10).map((h) => h.point));
    const rows: string[][] = [];
    for (const ef of [40, 100, 200, 400]) {
      pgIndex.setEf(ef);
      let hit = 0;
      const lat: number[] = [];
      for (let i = 0; i < vectors.length; i++) {
        t0 = performance.now();
        const got = new Set((await pgIndex.searchSurfaces(vectors[i]!, 10)).map((h) => h.point));
        lat.push(ms(t0));
        hit += truth[i]!.filter((p) => got.has(p)).length;
      }
      rows.push([String(ef), f3(hit / (10 * vectors.length)), f1(pct(lat, 50)), f1(pct(lat, 95))]);
    }
    pgIndex.setEf(pgConfig.store.efSearch ?? DEFAULT_PG_HNSW.efSearch);
    console.log(`\npgvector HNSW recall@10 vs exact search (${exact.size} ESCO labels, ${vectors.length} queries; target ≥ 0.99):`);
    printTable(['ef_search', 'recall@10', 'p50 ms', 'p95 ms'], rows);

    // 3. Plan identity: the same catalogue sample in both stores, typical gaps, no constraints and a few.
    const n = Number(process.env.BENCH_SCALE_N ?? 1_000_000);
    const file = await ensureCatalogFile(embedded, config, n);
    if (file.generatedSeconds !== null) console.log(`\ngenerated ${n} synthetic credentials in ${f1(file.generatedSeconds)} s → ${file.path}`);
    const gaps = typicalGaps(queries.map((q) => q.gold), 60, (u) => tax.label(u) ?? u);
    const solver = createHighsCoverSolver();
    const sampleCount = 20_000;
    const firstEntries = [];
    for (const e of syntheticCatalog(tax, { count: sampleCount, seed: 42 })) firstEntries.push(e);
    const fileCatalog = new FileCredentialCatalog({ storePath: join(config.cacheDir, 'bench', `catalog-sample-${process.pid}.json`) });
    await fileCatalog.upsert(firstEntries);
    const samplePath = join(config.cacheDir, 'bench', `catalog-${sampleCount}-seed42.jsonl`);
    if (!existsSync(samplePath)) await ensureCatalogFile(embedded, config, sampleCount);
    await admin.importCatalog([samplePath], { replace: true });
    const db = openPgDatabase(url);
    const pgCatalog = new PgCredentialCatalog(db);
    const constraintSets = [{}, { language: 'en' }, { maxEqfLevel: 5, mode: 'online' as const }, { verifiableOnly: true }];
    let same = 0;
    let plans = 0;
    const plan = (catalog: CredentialCatalog, gapSkills: SkillRef[], constraints: object) =>
      planCredentials({ gapSkills, constraints, minConfidence: 0.8 }, { catalog, solver, hierarchy: tax, profileStore: null as never });
    for (const gap of gaps.slice(0, 30)) {
      for (const constraints of constraintSets) {
        const [a, b] = await Promise.all([plan(fileCatalog, gap, constraints), plan(pgCatalog, gap, constraints)]);
        const shape = (p: typeof a.plan) => JSON.stringify([p.feasible, p.items.map((i) => i.id).sort(), p.totalCost, p.totalHours, p.uncovered]);
        plans++;
        if (shape(a.plan) === shape(b.plan)) same++;
      }
    }
    console.log(`\nPlans, embedded catalogue vs postgres (${sampleCount} synthetic credentials in both, ${plans} gap × constraint cases): ${same}/${plans} identical (items, totals, uncovered)`);

    // 4. 1M bulk load and plans against it.
    t0 = performance.now();
    const bulk = await admin.importCatalog([file.path], { replace: true }, stderrProgress('import-catalog'));
    const loadSeconds = ms(t0) / 1000;
    const size = await (await db.query<{ n: string; links: string }>('SELECT (SELECT count(*) FROM credential) AS n, (SELECT count(*) FROM credential_skill) AS links')).rows[0]!;
    console.log(`\nBulk load (COPY, JSON Lines → credential + skill links): ${bulk.loaded} credentials, ${size.links} skill links in ${f1(loadSeconds)} s (target ≤ 600 s)`);
    const lat: number[] = [];
    const considered: number[] = [];
    for (const gap of gaps) {
      t0 = performance.now();
      const r = await plan(pgCatalog, gap, {});
      lat.push(ms(t0));
      considered.push(r.plan.candidates.considered);
    }
    // A gap's first plan warms the cache for its skills: the figures are for a warm database, like a busy service.
    console.log(`Plans against ${bulk.loaded} credentials, ${gaps.length} typical gaps (3–6 ESCO skills from benchmark job-ad sentences):`);
    printTable(['', 'value'], [
      ['plan p50 ms', f1(pct(lat, 50))],
      ['plan p95 ms (target ≤ 1000)', f1(pct(lat, 95))],
      ['plan max ms', f1(Math.max(...lat))],
      ['candidates from SQL, median / max', `${pct(considered, 50)} / ${Math.max(...considered)}`],
    ]);
    await db.close();

    // 5. Two replicas.
    const planBodies = gaps.slice(0, 10).map((g) => ({ gapSkills: g }));
    const rep = await benchReplicas(config.projectRoot, url, sample.map((q) => q.sentence), planBodies, Number(process.env.BENCH_SCALE_LOAD_SECONDS ?? 15));
    console.log(`\nTwo \`skillproof serve\` replicas on one database (pairing code of replica A used on replica B: ${rep.pairedAcross ? 'ok' : 'failed'}):`);
    console.log(`identical answers across replicas: ${rep.identicalAnswers.identical}/${rep.identicalAnswers.compared} (skill searches and plans)`);
    printTable(
      ['replica (autocannon, 4 connections each, both at once)', 'requests', 'req/s', 'p50 ms', 'p97.5 ms', 'errors', 'non-2xx'],
      rep.load.map((l) => [l.replica, String(l.requests), f1(l.rps), f1(l.p50Ms), f1(l.p97_5Ms), String(l.errors), String(l.non2xx)]),
    );
    const k = rep.kill;
    console.log(
      `replica A killed (SIGKILL) after ${k.killedAfter} of ${k.sent} requests: ${k.ok} ok, ${k.retried} retried on the other replica, ${k.lost} lost; served by ${Object.entries(k.servedBy).map(([r, c]) => `${r} ${c}`).join(', ')}; p95 ${f1(k.p95Ms)} ms`,
    );
    await embedded.close();
    await postgres.close();
  } finally {
    await cluster.stop();
  }
}
