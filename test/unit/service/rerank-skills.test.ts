import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../../src/adapters/hashing-embedder.js';
import { FEATURE_NAMES, candidateFeatures } from '../../../src/core/rerank/features.js';
import { trainLogistic } from '../../../src/core/rerank/logistic.js';
import { seededShuffle, type RerankerWeights } from '../../../src/core/rerank/reranker.js';
import { loadConfig } from '../../../src/service/config.js';
import { createService } from '../../../src/service/create-service.js';
import { rankTexts } from '../../../src/service/rank-skills.js';
import { rerankerFor, skillFactsOf } from '../../../src/service/rerank-skills.js';
import type { SkillEngine } from '../../../src/service/skill-engine.js';
import type { LexicalMatcher } from '../../../src/core/lexical-matcher.js';
import { writeEscoMini } from '../../fixtures/esco-mini.js';

const S = 'http://data.europa.eu/esco/skill/';
const TEMPLATES = ['Knowledge of {x}.', 'Experience with {x} is a plus.', 'You will work on {x} daily.', '• {x}'];

let engine: SkillEngine;
let lexical: LexicalMatcher;

beforeAll(async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sp-rerank-'));
  const config = { ...loadConfig({ SKILLPROOF_ESCO_DIR: writeEscoMini(), SKILLPROOF_CACHE_DIR: scratch, SKILLPROOF_DATA_DIR: join(scratch, 'data') }, join(__dirname, '..', '..', '..')), modelsDir: null };
  const fake = createHashingEmbedder(256);
  const service = createService({ config, embedders: { primary: fake, multilingual: fake }, queryCacheSize: 0, analysisStore: null });
  engine = await service.engine('primary');
  lexical = await service.lexical();
});

/** Template sentences from the fixture's labels, ranked, as (features, right?) rows; the seed orders the sentences. */
async function trainOnFixture(seed: number): Promise<RerankerWeights> {
  const examples = engine.taxonomy.skills().flatMap((s) => [s.preferredLabel.en!, ...(s.altLabels.en ?? [])].flatMap((label) => TEMPLATES.map((t) => ({ text: t.replace('{x}', label), uri: s.uri }))));
  const sample = seededShuffle(examples, seed).slice(0, 60);
  const lists = await rankTexts(engine, lexical, sample.map((e) => e.text), { k: 8 });
  const facts = skillFactsOf(engine.taxonomy);
  const x: number[][] = [];
  const y: number[] = [];
  lists.forEach((list, i) =>
    candidateFeatures(sample[i]!.text, list, facts).forEach((row, j) => {
      x.push(row);
      y.push(list[j]!.uri === sample[i]!.uri ? 1 : 0);
    }),
  );
  return { ...trainLogistic(FEATURE_NAMES, x, y, { l2: 0.01 }), embedder: 'hashing', top: 8, trainedWith: `fixture seed ${seed}` };
}

describe('re-ranker on the fixture taxonomy (hashing embedder)', () => {
  it('reads occupation priors, reuse level and the hierarchy from the taxonomy', () => {
    const facts = skillFactsOf(engine.taxonomy);
    expect(facts(`${S}team`)).toMatchObject({ essential: 1, optional: 0, reuseLevel: 'transversal', altLabels: 2 });
    expect(facts(`${S}python`)).toMatchObject({ essential: 0, optional: 1, depth: 1, skillType: 'knowledge' });
    expect([...facts(`${S}python`)!.ancestors]).toEqual([`${S}prog`]);
    expect(facts(`${S}prog`)!.depth).toBe(0);
    expect(facts('http://example.org/none')).toBeUndefined();
    expect(skillFactsOf(engine.taxonomy)).toBe(facts);
  });

  it('trains reproducibly with the same seed', async () => {
    const a = await trainOnFixture(1);
    const b = await trainOnFixture(1);
    expect(b).toEqual(a);
    expect(a.weights.every(Number.isFinite)).toBe(true);
  });

  it('ranks a clearly right candidate first, with a probability', async () => {
    const model = await trainOnFixture(1);
    const text = 'Hands-on experience with Python3 and its libraries.';
    const [list] = await rankTexts(engine, lexical, [text], { k: 8, reranker: model });
    expect(list![0]!.uri).toBe(`${S}python`);
    expect(list![0]!.probability).toBeGreaterThan(0.5);
    const probabilities = list!.map((c) => c.probability!);
    expect([...probabilities].sort((p, q) => q - p)).toEqual(probabilities);
    // Without the option the ranking has no probabilities (the default pipeline is unchanged).
    const [plain] = await rankTexts(engine, lexical, [text], { k: 8 });
    expect(plain!.every((c) => c.probability === undefined)).toBe(true);
  });

  it('has no weights for an embedder it was not trained for', () => {
    expect(rerankerFor('hashing-256')).toBeNull();
  });
});
