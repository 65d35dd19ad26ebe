import type { SkillFacts } from '../core/rerank/features.js';
import { rerankCandidates, type RerankerWeights } from '../core/rerank/reranker.js';
import { broaderLevels } from '../core/skill-hierarchy.js';
import type { Taxonomy } from '../ports/taxonomy.js';
import { RERANKER_WEIGHTS } from './reranker-weights.js';
import { modelIdOf } from './trained-model.js';

/** The trained re-ranker for an embedder (its scores are on that model's scale), or null when none was trained. */
export function rerankerFor(embedderId: string): RerankerWeights | null {
  return RERANKER_WEIGHTS[modelIdOf(embedderId)] ?? null;
}

/**
 * Acceptance on re-ranked lists, in probability units: keep a candidate the model gives at least this chance of being
 * right (set on the validation splits; see test/bench/rerank-calibration.ts). The per-span margins of linkPosting
 * apply on the same scale.
 */
export const RERANKED_THRESHOLD = { accept: 0.2, spread: 0.05 };

const factsCache = new WeakMap<Taxonomy, (uri: string) => SkillFacts | undefined>();

/** Per-concept facts the re-ranker reads, computed once per loaded taxonomy (occupation counts need one pass). */
export function skillFactsOf(taxonomy: Taxonomy): (uri: string) => SkillFacts | undefined {
  const cached = factsCache.get(taxonomy);
  if (cached) return cached;
  const counts = new Map<string, { essential: number; optional: number }>();
  for (const occ of taxonomy.occupations()) {
    for (const r of taxonomy.occupationSkills(occ.uri)) {
      const c = counts.get(r.skillUri) ?? { essential: 0, optional: 0 };
      c[r.relation]++;
      counts.set(r.skillUri, c);
    }
  }
  const memo = new Map<string, SkillFacts | undefined>();
  const facts = (uri: string): SkillFacts | undefined => {
    if (memo.has(uri)) return memo.get(uri);
    const s = taxonomy.skill(uri);
    // Depth: how many levels sit above the skill (at most 8); ancestors: the concepts on the nearest three levels.
    const levels = s ? broaderLevels(taxonomy, uri, 8) : [];
    const f: SkillFacts | undefined = s && {
      labels: [s.preferredLabel.en ?? '', ...(s.altLabels.en ?? [])].filter(Boolean),
      skillType: s.skillType,
      reuseLevel: s.reuseLevel,
      altLabels: s.altLabels.en?.length ?? 0,
      essential: counts.get(uri)?.essential ?? 0,
      optional: counts.get(uri)?.optional ?? 0,
      depth: levels.length,
      ancestors: new Set(levels.slice(0, 3).flat()),
    };
    memo.set(uri, f);
    return f;
  };
  factsCache.set(taxonomy, facts);
  return facts;
}

/** Re-rank each text's candidates by the model's probability of being right. */
export function rerankRanked<T extends Parameters<typeof rerankCandidates>[2][number]>(
  model: RerankerWeights,
  taxonomy: Taxonomy,
  texts: readonly string[],
  ranked: readonly (readonly T[])[],
): (T & { probability: number })[][] {
  const facts = skillFactsOf(taxonomy);
  return ranked.map((list, i) => rerankCandidates(model, texts[i]!, list, facts));
}
