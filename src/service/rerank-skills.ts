import type { SkillFacts } from '../core/rerank/features.js';
import { rerankCandidates, type RerankerWeights } from '../core/rerank/reranker.js';
import type { Taxonomy } from '../ports/taxonomy.js';
import { RERANKER_WEIGHTS } from './reranker-weights.js';

/** The trained re-ranker for an embedder (its scores are on that model's scale), or null when none was trained. */
export function rerankerFor(embedderId: string): RerankerWeights | null {
  return RERANKER_WEIGHTS[embedderId.replace(/@.*$/, '')] ?? null;
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
  const up = (uri: string, levels: number): Set<string> => {
    const out = new Set<string>();
    let frontier = [uri];
    for (let d = 0; d < levels && frontier.length; d++) {
      frontier = frontier.flatMap((u) => [...taxonomy.broader(u)]).filter((u) => !out.has(u));
      frontier.forEach((u) => out.add(u));
    }
    return out;
  };
  const depthOf = (uri: string): number => {
    let d = 0;
    let frontier = [uri];
    const seen = new Set(frontier);
    while (d < 8) {
      frontier = frontier.flatMap((u) => [...taxonomy.broader(u)]).filter((u) => !seen.has(u));
      if (!frontier.length) break;
      frontier.forEach((u) => seen.add(u));
      d++;
    }
    return d;
  };
  const facts = (uri: string): SkillFacts | undefined => {
    if (memo.has(uri)) return memo.get(uri);
    const s = taxonomy.skill(uri);
    const f: SkillFacts | undefined = s && {
      labels: [s.preferredLabel.en ?? '', ...(s.altLabels.en ?? [])].filter(Boolean),
      skillType: s.skillType,
      reuseLevel: s.reuseLevel,
      altLabels: s.altLabels.en?.length ?? 0,
      essential: counts.get(uri)?.essential ?? 0,
      optional: counts.get(uri)?.optional ?? 0,
      depth: depthOf(uri),
      ancestors: up(uri, 3),
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
