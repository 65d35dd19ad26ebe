import { FEATURE_NAMES, candidateFeatures, type CandidateScores, type SkillFacts } from './features.js';
import { predictProbability, type LogisticModel } from './logistic.js';

/** Saved re-ranker: a logistic model over candidate features, for one embedder's score scale. */
export interface RerankerWeights extends LogisticModel {
  /** Embedder id (without the @dtype suffix) whose similarities the model was trained on. */
  embedder: string;
  /** How many of the ranker's candidates per text it re-scores (the rest keep their order, after them). */
  top: number;
  /** How it was made (command, data, seed), for the record. */
  trainedWith: string;
}

/**
 * Re-score a text's candidates (in the ranker's order) with the model and sort them by probability of being a
 * right answer; candidates past `top` follow in their old order with probability 0.
 */
export function rerankCandidates<T extends CandidateScores>(
  model: RerankerWeights,
  text: string,
  list: readonly T[],
  facts: (uri: string) => SkillFacts | undefined,
): (T & { probability: number })[] {
  const head = list.slice(0, model.top);
  const rows = selectFeatures(model.features, candidateFeatures(text, head, facts));
  const scored = head.map((c, i) => ({ ...c, probability: predictProbability(model, rows[i]!) }));
  scored.sort((a, b) => b.probability - a.probability);
  return [...scored, ...list.slice(model.top).map((c) => ({ ...c, probability: 0 }))];
}

/** The columns a model was trained on, by name (a model may use a subset of FEATURE_NAMES). */
export function selectFeatures(names: readonly string[], rows: readonly number[][]): number[][] {
  const at = names.map((n) => (FEATURE_NAMES as readonly string[]).indexOf(n));
  if (at.some((j) => j < 0)) throw new Error(`re-ranker feature not computed: ${names.filter((_, k) => at[k]! < 0).join(', ')}`);
  return rows.map((r) => at.map((j) => r[j]!));
}

import { seededRandom } from '../seeded-random.js';

export { seededRandom };

/** A seeded Fisher–Yates shuffle (a copy). */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rand = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
