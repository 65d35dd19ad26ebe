/**
 * `npm run bench [-- suite ...]`: speed and quality figures on the shared data (../shared).
 * Suites: index, linking, analyze, extraction, melo, plan, verify, server, scale, llm-rerank (default: index linking extraction analyze plan verify).
 */
import { createService } from '../../src/service/create-service.js';
import { loadConfig } from '../../src/service/config.js';
import { buildLexicalMatcher } from '../../src/service/lexicon.js';
import { join } from 'node:path';

const suites = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (name: string) =>
  suites.length === 0 ? ['index', 'linking', 'extraction', 'analyze', 'plan', 'verify'].includes(name) : suites.includes(name) || suites.includes('all');

const config = loadConfig(process.env);
if (!config.sharedDir || !config.escoDir) {
  console.error('Benchmarks need ../shared (ESCO, models, bench data). Set SKILLPROOF_SHARED_DIR.');
  process.exit(2);
}
// Benchmarks measure the work itself: no query-vector cache (BENCH_QUERY_CACHE=1 measures the cached service).
// Nor the analysis store: every analysis is computed (the server suite measures the store on its own service).
const service = createService({ config, analysisStore: null, queryCacheSize: process.env.BENCH_QUERY_CACHE ? undefined : 0, onProgress: (phase, done, total) => {
  if (done === total || done % 20000 < 64) process.stderr.write(`  ${phase} ${done}/${total}\n`);
} });

if (wanted('index')) {
  const { benchIndex } = await import('./index-bench.js');
  await benchIndex(config);
}
if (wanted('linking')) {
  console.log('\n## Skill linking (Decorte et al.; RP in %, MRR in [0,1])');
  const { benchLinking } = await import('./linking.js');
  const t = performance.now();
  const lexical = buildLexicalMatcher(await service.taxonomy());
  console.log(`lexical dictionary: ${lexical.size} label keys in ${(performance.now() - t).toFixed(0)} ms`);
  const linkingRows = await benchLinking(service, join(config.sharedDir, 'bench'), lexical);
  // BENCH_COMPARE_BASE=1: the same suite with the untrained base model, then both side by side.
  if (process.env.BENCH_COMPARE_BASE) {
    const { compareWithBase } = await import('./compare-models.js');
    await compareWithBase(config, join(config.sharedDir, 'bench'), lexical, linkingRows);
  }
}
if (wanted('analyze')) {
  const { benchAnalyze } = await import('./analyze.js');
  await benchAnalyze(service, config.sharedDir);
}
if (wanted('extraction')) {
  const { benchExtraction } = await import('./extraction.js');
  await benchExtraction(service, join(config.sharedDir, 'bench'));
}
if (wanted('melo')) {
  const { benchMelo } = await import('./melo.js');
  await benchMelo(config);
}
if (wanted('plan')) {
  console.log('\n## Planner and catalogue import');
  const { benchPlan } = await import('./plan.js');
  const tax = await service.taxonomy();
  console.log(JSON.stringify(await benchPlan({ sharedDir: config.sharedDir, linkTexts: (t: readonly string[]) => service.linkTexts(t, { k: 1 }), hierarchy: tax }), null, 2));
}
if (wanted('verify')) {
  console.log('\n## Credential verification');
  const { benchVerifySpeed } = await import('./verify-speed.js');
  const { benchVerifyFuzz } = await import('./verify-fuzz.js');
  console.log('did:key Data Integrity, warm:', JSON.stringify(await benchVerifySpeed(100)));
  console.log('fuzz:', JSON.stringify(await benchVerifyFuzz(Number(process.env.BENCH_FUZZ_N ?? 10000))));
}
if (wanted('server')) {
  console.log('\n## Local service');
  const { benchServerLoad, printLoad } = await import('./server-load.js');
  const { benchChat } = await import('./chat.js');
  const { FileAnalysisStore } = await import('../../src/adapters/file-analysis-store.js');
  const { readFileSync, readdirSync } = await import('node:fs');
  const { EXAMPLES_DIR } = await import('../../src/cli/commands/demo.js');
  const typical = readFileSync(join(EXAMPLES_DIR, 'example-posting.md'), 'utf8');
  // As the product runs: query-vector cache and analysis store on (in memory here, files in the product).
  const served = createService({ config, analysisStore: new FileAnalysisStore({ dir: null }) });
  const results = await benchServerLoad(served, { posting: typical });
  // Cold: every request a fresh analysis (store and vector cache off), over the real postings in turn.
  const dir = join(config.sharedDir, 'postings', 'remotewlb');
  const postings = [typical, ...readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(dir, f), 'utf8'))];
  results.push(...(await benchServerLoad(service, { skipHealth: true, rotate: { label: `${postings.length} postings, nothing cached`, postings } })));
  printLoad(results);
  console.log('target: /v1/analyze on a typical posting ≥ 50 req/s with 0 errors; /v1/health ≥ 2,000 req/s');
  console.log('chat first token (offline):', JSON.stringify(await benchChat(service)));
}
if (wanted('llm-rerank')) {
  const { benchLlmRerank } = await import('./llm-rerank.js');
  await benchLlmRerank(config, config.sharedDir);
}
if (wanted('scale')) {
  const { benchScale } = await import('./scale.js');
  await benchScale(config);
}
