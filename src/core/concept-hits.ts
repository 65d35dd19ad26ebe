import type { SkillSurface } from './taxonomy-types.js';

export interface PointHit {
  point: number;
  score: number;
}

export interface CollapsedHit {
  conceptUri: string;
  score: number;
  best: SkillSurface;
}

/**
 * Turn nearest surface points (best first) into distinct concepts scored by their best surface.
 * A point may stand for several concepts (a label shared by two skills); each gets the point's score.
 */
export function collapseToConcepts(hits: readonly PointHit[], groups: readonly SkillSurface[][], k: number): CollapsedHit[] {
  const seen = new Map<string, CollapsedHit>();
  for (const hit of hits) {
    for (const surface of groups[hit.point] ?? []) {
      const prev = seen.get(surface.conceptUri);
      if (!prev || hit.score > prev.score) seen.set(surface.conceptUri, { conceptUri: surface.conceptUri, score: hit.score, best: surface });
    }
  }
  return [...seen.values()].sort((a, b) => b.score - a.score).slice(0, k);
}
