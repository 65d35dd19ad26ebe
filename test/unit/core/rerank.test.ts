import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, candidateFeatures, stems, type CandidateScores, type SkillFacts } from '../../../src/core/rerank/features.js';
import { brierScore, expectedCalibrationError, predictProbability, reliabilityBins, trainLogistic } from '../../../src/core/rerank/logistic.js';
import { rerankCandidates, seededRandom, seededShuffle, type RerankerWeights } from '../../../src/core/rerank/reranker.js';

const cand = (uri: string, score: number, extra: Partial<CandidateScores> = {}): CandidateScores => ({
  uri,
  score,
  sentence: score,
  span: score,
  lexical: 0,
  channels: ['sentence'],
  evidence: { start: 0, end: 0 },
  ...extra,
});

const fact = (labels: string[], extra: Partial<SkillFacts> = {}): SkillFacts => ({
  labels,
  skillType: 'skill/competence',
  reuseLevel: 'cross-sector',
  altLabels: labels.length - 1,
  essential: 0,
  optional: 0,
  depth: 1,
  ancestors: new Set(),
  ...extra,
});

const col = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);

describe('candidate features', () => {
  const facts: Record<string, SkillFacts> = {
    python: fact(['Python (computer programming)', 'Python'], { skillType: 'knowledge', reuseLevel: 'sector-specific', essential: 3, optional: 1, depth: 2, ancestors: new Set(['prog']) }),
    prog: fact(['computer programming', 'coding'], { essential: 40 }),
    cook: fact(['prepare meals'], { reuseLevel: 'occupation-specific' }),
  };
  const text = 'Solid experience with Python scripting.';
  const list = [cand('prog', 0.7), cand('python', 0.68, { lexical: 1, channels: ['span', 'lexical'], evidence: { start: 22, end: 28 } }), cand('cook', 0.3), cand('unknown', 0.2)];
  const rows = candidateFeatures(text, list, (u) => facts[u]);

  it('gives one row per candidate, in FEATURE_NAMES order', () => {
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(FEATURE_NAMES.length);
    expect(rows[1]![col('score')]).toBe(0.68);
    expect(rows[1]![col('lexical_exact')]).toBe(1);
    expect(rows[0]![col('is_top')]).toBe(1);
    expect(rows[2]![col('log_rank')]).toBeCloseTo(Math.log(3));
    expect(rows[2]![col('gap_score')]).toBeCloseTo(0.4);
    expect(rows[1]![col('from_span')]).toBe(1);
    expect(rows[1]![col('from_sentence')]).toBe(0);
  });

  it('measures word overlap with the best label and the evidence words', () => {
    expect(rows[1]![col('label_overlap')]).toBe(1); // "Python" alone
    expect(rows[1]![col('pref_overlap')]).toBeCloseTo(1 / 3); // python, compu, progr
    expect(rows[1]![col('evidence_overlap')]).toBe(1);
    expect(rows[2]![col('label_overlap')]).toBe(0);
    expect(stems('Managing budgets and the teams')).toEqual(['manag', 'budge', 'teams']);
  });

  it('reads taxonomy facts and the hierarchy within the list', () => {
    expect(rows[1]![col('knowledge')]).toBe(1);
    expect(rows[1]![col('sector_specific')]).toBe(1);
    expect(rows[1]![col('log_essential')]).toBeCloseTo(Math.log(4));
    expect(rows[1]![col('broader_in_list')]).toBe(1);
    expect(rows[0]![col('narrower_in_list')]).toBe(1);
    expect(rows[2]![col('occupation_specific')]).toBe(1);
    expect(rows[2]![col('no_occupation')]).toBe(1);
    // Unknown concepts get neutral taxonomy features, not an exception.
    expect(rows[3]![col('no_occupation')]).toBe(0);
    expect(rows[3]![col('label_words')]).toBe(0);
  });

  it('returns nothing for an empty list', () => {
    expect(candidateFeatures('x', [], () => undefined)).toEqual([]);
  });
});

/** Rows where the right answer is likelier the higher the first feature; the second is noise. */
function synthetic(seed: number, n: number): { x: number[][]; y: number[] } {
  const rand = seededRandom(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const score = rand();
    x.push([score, rand()]);
    y.push(rand() < 1 / (1 + Math.exp(-(8 * score - 4))) ? 1 : 0);
  }
  return { x, y };
}

describe('logistic re-ranker model', () => {
  it('trains reproducibly: same data and seed, same weights', () => {
    const a = synthetic(11, 400);
    const b = synthetic(11, 400);
    const m1 = trainLogistic(['score', 'noise'], seededShuffle(a.x, 3), seededShuffle(a.y, 3));
    const m2 = trainLogistic(['score', 'noise'], seededShuffle(b.x, 3), seededShuffle(b.y, 3));
    expect(m2).toEqual(m1);
    expect(seededShuffle([1, 2, 3, 4, 5], 9)).toEqual(seededShuffle([1, 2, 3, 4, 5], 9));
    expect(seededShuffle([1, 2, 3, 4, 5], 9)).not.toEqual(seededShuffle([1, 2, 3, 4, 5], 10));
  });

  it('recovers the signal, and its probability is monotone in the score', () => {
    const { x, y } = synthetic(5, 3000);
    const m = trainLogistic(['score', 'noise'], x, y);
    expect(m.weights[0]!).toBeGreaterThan(1);
    expect(Math.abs(m.weights[1]!)).toBeLessThan(0.3);
    let prev = -1;
    for (let s = 0; s <= 1.0001; s += 0.05) {
      const p = predictProbability(m, [s, 0.5]);
      expect(p).toBeGreaterThan(prev);
      prev = p;
    }
    // Calibrated on its own distribution: predicted and observed rates agree within a few points.
    const p = x.map((r) => predictProbability(m, r));
    expect(expectedCalibrationError(p, y)).toBeLessThan(0.05);
    expect(brierScore(p, y)).toBeLessThan(0.25);
  });

  it('bins probabilities for a reliability table', () => {
    const bins = reliabilityBins([0.05, 0.15, 0.95, 0.99], [0, 0, 1, 1], 10);
    expect(bins[0]).toMatchObject({ n: 1, observed: 0 });
    expect(bins[9]).toMatchObject({ n: 2, observed: 1 });
    expect(brierScore([1, 0], [1, 0])).toBe(0);
  });

  it('re-orders the top candidates by probability and leaves the tail after them', () => {
    const model: RerankerWeights = {
      embedder: 'test',
      top: 2,
      trainedWith: 'hand-set',
      features: [...FEATURE_NAMES],
      mean: FEATURE_NAMES.map(() => 0),
      scale: FEATURE_NAMES.map(() => 1),
      // Only exact label matches count.
      weights: FEATURE_NAMES.map((n) => (n === 'lexical_exact' ? 4 : 0)),
      bias: -2,
    };
    const out = rerankCandidates(model, 'Python', [cand('a', 0.9), cand('b', 0.8, { lexical: 1 }), cand('c', 0.7)], () => undefined);
    expect(out.map((c) => c.uri)).toEqual(['b', 'a', 'c']);
    expect(out[0]!.probability).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(out[2]!.probability).toBe(0);
  });
});
