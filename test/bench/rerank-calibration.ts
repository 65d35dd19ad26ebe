/**
 * `npx tsx test/bench/rerank-calibration.ts [--weights FILE.json]` — the trained re-ranker on the Decorte VALIDATION
 * splits (evaluation only, nothing is fitted here): ranking with and without it, and how well its probabilities are
 * calibrated (Brier score, expected calibration error, reliability bins over the candidates it scores), plus the
 * precision/recall of a probability threshold next to the fused-score threshold linkPosting uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rerankCandidates, type RerankerWeights } from '../../src/core/rerank/reranker.js';
import { brierScore, expectedCalibrationError, reliabilityBins } from '../../src/core/rerank/logistic.js';
import { loadConfig } from '../../src/service/config.js';
import { createService } from '../../src/service/create-service.js';
import { thresholdFor } from '../../src/service/link-posting.js';
import { rankTexts } from '../../src/service/rank-skills.js';
import { rerankerFor, skillFactsOf } from '../../src/service/rerank-skills.js';
import { loadDecorteSplit, scoreRankings } from './decorte.js';
import { printTable } from './table.js';

const config = loadConfig(process.env);
if (!config.sharedDir) throw new Error('Needs ../shared (SKILLPROOF_SHARED_DIR).');
const service = createService({ config, analysisStore: null, queryCacheSize: 0 });
const engine = await service.engine('primary');
const lexical = await service.lexical();
const i = process.argv.indexOf('--weights');
const models: RerankerWeights[] =
  i >= 0
    ? process.argv[i + 1]!.split(',').map((f) => JSON.parse(readFileSync(f, 'utf8')) as RerankerWeights)
    : [rerankerFor(engine.embedder.id)].filter((m) => m !== null);
if (!models.length)
  throw new Error(`No re-ranker for ${engine.embedder.id}: run npm run rerank:train or pass --weights.`);
const fusedCache = new Map<string, Awaited<ReturnType<typeof rankTexts>>>();
for (const model of models) {
  const facts = skillFactsOf(engine.taxonomy);
  const { accept } = thresholdFor(engine.embedder.id);
  console.log(`model ${engine.embedder.id}; re-ranker top ${model.top}: ${model.trainedWith}`);

  const rows: string[][] = [];
  const allP: number[] = [];
  const allY: number[] = [];
  const thresholdRows: string[][] = [];
  for (const file of ['tech_validation_annotations.csv', 'house_validation_annotations.csv']) {
    const split = loadDecorteSplit(join(config.sharedDir, 'bench'), file, engine.taxonomy);
    const texts = split.queries.map((q) => q.sentence);
    const fused = fusedCache.get(file) ?? (await rankTexts(engine, lexical, texts, { k: 100 }));
    fusedCache.set(file, fused);
    const reranked = fused.map((list, q) => rerankCandidates(model, texts[q]!, list, facts));
    const before = scoreRankings(
      split.queries,
      fused.map((l) => l.map((x) => x.uri)),
    );
    const after = scoreRankings(
      split.queries,
      reranked.map((l) => l.map((x) => x.uri)),
    );
    const inTop =
      split.queries.reduce(
        (s, q, n) =>
          s +
          q.gold.filter((g) => fused[n]!.slice(0, model.top).some((x) => x.uri === g)).length / q.gold.length,
        0,
      ) / split.queries.length;
    for (const [name, m] of [
      ['fused', before],
      ['re-ranked', after],
    ] as const)
      rows.push([
        split.name,
        name,
        m.rp1.toFixed(1),
        m.rp5.toFixed(1),
        m.rp10.toFixed(1),
        m.mrr.toFixed(3),
        (100 * inTop).toFixed(1),
      ]);
    const p: number[] = [];
    const y: number[] = [];
    reranked.forEach((list, n) => {
      const gold = new Set(split.queries[n]!.gold);
      for (const c of list.slice(0, model.top)) {
        p.push(c.probability);
        y.push(gold.has(c.uri) ? 1 : 0);
      }
    });
    allP.push(...p);
    allY.push(...y);
    rows.push([
      split.name,
      'calibration',
      `Brier ${brierScore(p, y).toFixed(4)}`,
      `ECE ${expectedCalibrationError(p, y).toFixed(4)}`,
      '',
      '',
      '',
    ]);
    // Acceptance as linkPosting does it before its per-span rules: among the top 8, what clears the bar.
    const goldTotal = split.queries.reduce((s, q) => s + q.gold.length, 0);
    const pr = (take: (c: (typeof reranked)[number][number]) => boolean, lists: typeof reranked) => {
      let kept = 0;
      let right = 0;
      lists.forEach((list, n) => {
        const gold = new Set(split.queries[n]!.gold);
        for (const c of list.slice(0, 8)) {
          if (!take(c)) continue;
          kept++;
          if (gold.has(c.uri)) right++;
        }
      });
      return [
        String(kept),
        kept ? ((100 * right) / kept).toFixed(1) : '-',
        ((100 * right) / goldTotal).toFixed(1),
      ];
    };
    const fusedAsReranked = fused.map((l) => l.map((c) => ({ ...c, probability: 0 })));
    thresholdRows.push([split.name, `fused ≥ ${accept}`, ...pr((c) => c.score >= accept, fusedAsReranked)]);
    for (const t of [0.2, 0.3, 0.4, 0.5])
      thresholdRows.push([split.name, `probability ≥ ${t}`, ...pr((c) => c.probability >= t, reranked)]);
  }
  printTable(['split', 'ranking', 'RP@1', 'RP@5', 'RP@10', 'MRR', `gold in fused top ${model.top} %`], rows);
  console.log(
    `\nreliability over both validation splits (${allP.length} candidates; Brier ${brierScore(allP, allY).toFixed(4)}, ECE ${expectedCalibrationError(allP, allY).toFixed(4)})`,
  );
  printTable(
    ['probability bin', 'candidates', 'mean predicted', 'observed right'],
    reliabilityBins(allP, allY)
      .filter((b) => b.n)
      .map((b) => [
        `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
        String(b.n),
        b.predicted.toFixed(3),
        b.observed.toFixed(3),
      ]),
  );
  console.log('\nacceptance among the top 8 (before per-span rules)');
  printTable(['split', 'rule', 'accepted', 'precision %', 'recall %'], thresholdRows);
  console.log('');
}
process.exit(0);
