/**
 * `npm run rerank:train` — fit the candidate re-ranker for the current English embedder and write its weights to
 * src/service/reranker-weights.ts (a few dozen numbers, committed; re-running with the same data and seed gives the
 * same file).
 *
 * Data: job-ad-style sentences generated from ESCO by generate_data.py (our templates, ESCO labels/descriptions,
 * SkillSpan context sentences; never a benchmark file), with its own seed so they differ from the sentences the
 * embedder may have been fine-tuned on. Each sentence is ranked by the product's ranker; a candidate is a positive
 * when it is one of the concepts the sentence was generated from.
 *
 * Options: --examples N (sentences used, default 4000), --seed S (default 7), --top K (candidates per sentence, 30),
 * --l2 X, --drop f1,f2 (leave features out), --prior P (weight sentences by skill frequency), --kinds k1,k2 (fit on these generator kinds), --out FILE (write the weights as JSON there instead, for experiments), --dry (print, do not write).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_NAMES, candidateFeatures } from '../../src/core/rerank/features.js';
import { brierScore, expectedCalibrationError, predictProbability, trainLogistic } from '../../src/core/rerank/logistic.js';
import { seededShuffle, type RerankerWeights } from '../../src/core/rerank/reranker.js';
import { loadConfig } from '../../src/service/config.js';
import { createService } from '../../src/service/create-service.js';
import { rankTexts, type RankedSkill } from '../../src/service/rank-skills.js';
import { skillFactsOf } from '../../src/service/rerank-skills.js';
import { modelIdOf } from '../../src/service/trained-model.js';

const ROOT = join(import.meta.dirname, '..', '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const EXAMPLES = Number(arg('examples', '4000'));
const SEED = Number(arg('seed', '7'));
const TOP = Number(arg('top', '30'));
const L2 = Number(arg('l2', '0.001'));
const DROP = new Set(arg('drop', '').split(',').filter(Boolean));
/** Weight of a sentence ∝ (1 + occupations listing its skills)^PRIOR: real postings name common skills more often. */
const PRIOR = Number(arg('prior', '0'));
/** Fit only on these generator kinds (all when empty); the ranked sample stays the same. */
const KINDS = new Set(arg('kinds', '').split(',').filter(Boolean));
const GENERATED = 12000;

const config = loadConfig(process.env);
if (!config.escoDir) throw new Error('No ESCO folder: set SKILLPROOF_ESCO_DIR or SKILLPROOF_SHARED_DIR.');
const dataFile = join(config.cacheDir, 'rerank', `generated-seed${SEED}-${GENERATED}.jsonl`);
if (!existsSync(dataFile)) {
  const skillspan = config.sharedDir ? join(config.sharedDir, 'bench', 'skillspan', 'train.json') : null;
  const args = [join(ROOT, 'skills-taxonomy', 'training', 'generate_data.py'), '--esco', config.escoDir, '--out', dataFile, '--examples', String(GENERATED), '--seed', String(SEED)];
  if (skillspan && existsSync(skillspan)) args.push('--skillspan', skillspan);
  console.log(`generating ${GENERATED} sentences (seed ${SEED}) → ${dataFile}`);
  execFileSync(process.env.PYTHON ?? 'python3', args, { stdio: 'inherit' });
}

interface Example {
  anchor: string;
  uris: string[];
  kind: string;
}
const all = readFileSync(dataFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Example);
// One example per distinct sentence; then a seeded sample, 80% to fit and 20% to check calibration.
const distinct = [...new Map(all.map((e) => [e.anchor, e])).values()];
const sample = seededShuffle(distinct, SEED).slice(0, EXAMPLES);
const cut = Math.floor(sample.length * 0.8);

const service = createService({ config, analysisStore: null, queryCacheSize: 0 });
const engine = await service.engine('primary');
const lexical = await service.lexical();
const embedder = modelIdOf(engine.embedder.id);
const facts = skillFactsOf(engine.taxonomy);
console.log(`embedder ${engine.embedder.id}; ${sample.length} sentences (${cut} fit, ${sample.length - cut} held out), top ${TOP}`);

// The ranker's lists are the slow part: kept in the cache so a change of features or penalty refits in seconds.
const listsFile = join(config.cacheDir, 'rerank', `lists-${embedder.replace(/\W+/g, '-')}-seed${SEED}-${EXAMPLES}-top${TOP}.json`);
let lists: RankedSkill[][] = existsSync(listsFile) ? (JSON.parse(readFileSync(listsFile, 'utf8')) as RankedSkill[][]) : [];
if (lists.length !== sample.length) {
  lists = [];
  const started = performance.now();
  for (let b = 0; b < sample.length; b += 100) {
    const batch = sample.slice(b, b + 100);
    lists.push(...(await rankTexts(engine, lexical, batch.map((e) => e.anchor), { k: TOP })));
    const done = Math.min(sample.length, b + 100);
    const eta = ((performance.now() - started) / done) * (sample.length - done);
    process.stderr.write(`\r  ranked ${done}/${sample.length}, ~${(eta / 1000).toFixed(0)} s left   `);
  }
  process.stderr.write('\n');
  writeFileSync(listsFile, JSON.stringify(lists));
}
const x: number[][] = [];
const y: number[] = [];
const group: number[] = [];
lists.forEach((list, i) => {
  const gold = new Set(sample[i]!.uris);
  candidateFeatures(sample[i]!.anchor, list, facts).forEach((row, j) => {
    x.push(row);
    y.push(gold.has(list[j]!.uri) ? 1 : 0);
    group.push(i);
  });
});

const names = FEATURE_NAMES.filter((n) => !DROP.has(n));
const cols = names.map((n) => FEATURE_NAMES.indexOf(n));
const sentenceWeight = sample.map((e) => {
  const n = e.uris.reduce((s, u) => s + (facts(u)?.essential ?? 0) + (facts(u)?.optional ?? 0), 0) / e.uris.length;
  return (1 + n) ** PRIOR;
});
const meanWeight = sentenceWeight.reduce((s, w) => s + w, 0) / sentenceWeight.length;
const fitRows = group.map((g, i) => (g < cut && (!KINDS.size || KINDS.has(sample[g]!.kind)) ? i : -1)).filter((i) => i >= 0);
const heldRows = group.map((g, i) => (g >= cut ? i : -1)).filter((i) => i >= 0);
const model = trainLogistic(names, fitRows.map((i) => cols.map((j) => x[i]![j]!)), fitRows.map((i) => y[i]!), { l2: L2 }, fitRows.map((i) => sentenceWeight[group[i]!]! / meanWeight));

/** MRR over held-out sentences of an ordering by the given per-row score. */
function heldMrr(score: (i: number) => number): number {
  const byGroup = new Map<number, number[]>();
  for (const i of heldRows) byGroup.set(group[i]!, [...(byGroup.get(group[i]!) ?? []), i]);
  let sum = 0;
  for (const rows of byGroup.values()) {
    const order = [...rows].sort((a, b) => score(b) - score(a));
    const first = order.findIndex((i) => y[i] === 1);
    sum += first >= 0 ? 1 / (first + 1) : 0;
  }
  return sum / (sample.length - cut);
}
const p = heldRows.map((i) => predictProbability(model, cols.map((j) => x[i]![j]!)));
const heldY = heldRows.map((i) => y[i]!);
const prob = new Map(heldRows.map((i, k) => [i, p[k]!]));
console.log(`held-out synthetic: MRR fused ${heldMrr((i) => x[i]![0]!).toFixed(3)} → re-ranked ${heldMrr((i) => prob.get(i)!).toFixed(3)}; Brier ${brierScore(p, heldY).toFixed(4)}, ECE ${expectedCalibrationError(p, heldY).toFixed(4)}, positives ${(heldY.reduce((s, v) => s + v, 0) / heldY.length).toFixed(3)}`);
console.log(names.map((n, j) => `${n} ${model.weights[j]!.toFixed(3)}`).join(', '));

const round = (v: number) => Number(v.toPrecision(6));
const weights: RerankerWeights = {
  embedder,
  top: TOP,
  trainedWith: `npm run rerank:train -- --examples ${EXAMPLES} --seed ${SEED} --top ${TOP} --l2 ${L2}${DROP.size ? ` --drop ${[...DROP].join(',')}` : ''}${PRIOR ? ` --prior ${PRIOR}` : ''}${KINDS.size ? ` --kinds ${[...KINDS].join(',')}` : ''} (generate_data.py seed ${SEED}, ${GENERATED} examples)`,
  features: model.features,
  mean: model.mean.map(round),
  scale: model.scale.map(round),
  weights: model.weights.map(round),
  bias: round(model.bias),
};
const jsonOut = arg('out', '');
if (jsonOut) {
  // Experiments: weights to a file (the calibration bench reads it with --weights), the product's file untouched.
  writeFileSync(jsonOut, JSON.stringify(weights, null, 2));
  console.log(`wrote ${jsonOut}`);
  process.exit(0);
}
if (process.argv.includes('--dry')) process.exit(0);

const file = join(ROOT, 'src', 'service', 'reranker-weights.ts');
const { RERANKER_WEIGHTS } = await import('../../src/service/reranker-weights.js');
const merged = { ...RERANKER_WEIGHTS, [embedder]: weights };
writeFileSync(
  file,
  `import type { RerankerWeights } from '../core/rerank/reranker.js';\n\n` +
    `/** Trained re-rankers by embedder id. Generated by \`npm run rerank:train\`; do not edit by hand. */\n` +
    `export const RERANKER_WEIGHTS: Record<string, RerankerWeights> = ${JSON.stringify(merged, null, 2)};\n`,
);
console.log(`wrote ${file} (${embedder})`);
process.exit(0);
