/**
 * `npx tsx test/bench/tune-threshold.ts [--multilingual]`: acceptance threshold and confidence spread for the ESCO-tuned
 * model (English, or with --multilingual the tuned multilingual-e5-small against its base), set on the VALIDATION splits
 * only (TECH and HOUSE validation; the test split is never read here).
 *
 * The base model's hand-set threshold (link-posting.ts) fixes a precision on validation: of the candidates the
 * linker sees (top 8 per sentence, fused score), the share at or above the threshold that are gold. The trained
 * model gets the lowest threshold that keeps at least that precision. The spread (logistic scale of the reported
 * confidence) is the base spread times the ratio of the two models' score spreads (gold-vs-other separation).
 */
import { buildLexicalMatcher } from '../../src/service/lexicon.js';
import { loadConfig } from '../../src/service/config.js';
import { createService } from '../../src/service/create-service.js';
import { rankOptionsFor, thresholdFor } from '../../src/service/link-posting.js';
import { rankTexts } from '../../src/service/rank-skills.js';
import { join } from 'node:path';
import { loadDecorteSplit } from './decorte.js';
import { printTable } from './table.js';

interface Scored {
  score: number;
  gold: boolean;
}

const config = loadConfig(process.env);
if (!config.sharedDir) throw new Error('needs ../shared');
const benchDir = join(config.sharedDir, 'bench');

const multilingual = process.argv.includes('--multilingual');

async function scoresFor(setting: string): Promise<{ id: string; scored: Scored[]; golds: number }> {
  const tuned = multilingual ? { trainedMultilingualModel: setting } : { trainedModel: setting };
  const service = createService({ config: { ...config, ...tuned }, queryCacheSize: 0, onNotice: () => undefined });
  const engine = await service.engine(multilingual ? 'multilingual' : 'primary');
  const lexical = buildLexicalMatcher(engine.taxonomy);
  const scored: Scored[] = [];
  let golds = 0;
  for (const file of ['tech_validation_annotations.csv', 'house_validation_annotations.csv']) {
    const split = loadDecorteSplit(benchDir, file, engine.taxonomy);
    // Scored as postings are: with the model's own ranking options (contextual spans for the tuned model).
    const ranked = await rankTexts(engine, lexical, split.queries.map((q) => q.sentence), { ...rankOptionsFor(engine.embedder.id), k: 8 });
    split.queries.forEach((q, i) => {
      golds += q.gold.length;
      for (const r of ranked[i]!) scored.push({ score: r.score, gold: q.gold.includes(r.uri) });
    });
  }
  await service.close();
  return { id: engine.embedder.id, scored, golds };
}

function at(scored: Scored[], golds: number, t: number) {
  const acc = scored.filter((s) => s.score >= t);
  const hit = acc.filter((s) => s.gold).length;
  const precision = acc.length ? hit / acc.length : 1;
  const recall = hit / golds;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, accepted: acc.length };
}

/** Distance between the mean gold score and the mean score of the rest: how wide the score scale is. */
function separation(scored: Scored[]): number {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return mean(scored.filter((s) => s.gold).map((s) => s.score)) - mean(scored.filter((s) => !s.gold).map((s) => s.score));
}

const base = await scoresFor('off');
const trained = await scoresFor('auto');
if (base.id === trained.id) throw new Error(`No trained ${multilingual ? 'multilingual ' : ''}model built (npm run model:train).`);
const baseT = thresholdFor(base.id);
const target = at(base.scored, base.golds, baseT.accept);
let chosen = 1;
for (let t = 1; t >= 0.3; t = Number((t - 0.005).toFixed(3))) {
  if (at(trained.scored, trained.golds, t).precision >= target.precision) chosen = t;
}
const spread = Number((baseT.spread * (separation(trained.scored) / separation(base.scored))).toFixed(3));
const fmt = (x: ReturnType<typeof at>) => [(100 * x.precision).toFixed(1), (100 * x.recall).toFixed(1), (100 * x.f1).toFixed(1), String(x.accepted)];
printTable(['model', 'accept', 'precision', 'recall', 'F1', 'accepted'], [
  [base.id, baseT.accept.toFixed(3), ...fmt(target)],
  [trained.id, chosen.toFixed(3), ...fmt(at(trained.scored, trained.golds, chosen))],
]);
console.log(`separation gold − other: base ${separation(base.scored).toFixed(3)}, trained ${separation(trained.scored).toFixed(3)}`);
console.log(`suggested entry: { accept: ${chosen.toFixed(2)}, spread: ${spread} }`);
