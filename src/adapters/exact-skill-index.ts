import { collapseToConcepts, type PointHit } from '../core/concept-hits.js';
import type { SkillSurface } from '../core/taxonomy-types.js';
import type { ConceptHit, SearchOptions, SkillIndex, SurfaceHit } from '../ports/skill-index.js';

/** Keeps the k best (largest) scores seen so far, in a small sorted array. */
function topK(scores: Float32Array, k: number): PointHit[] {
  const best: PointHit[] = [];
  if (k <= 0) return best;
  let floor = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (best.length === k && s <= floor) continue;
    let pos = best.length;
    while (pos > 0 && best[pos - 1]!.score < s) pos--;
    best.splice(pos, 0, { point: i, score: s });
    if (best.length > k) best.pop();
    floor = best[best.length - 1]!.score;
  }
  return best;
}

/** Brute-force cosine search over every vector: the ground truth for recall, and the path for small taxonomies. */
export class ExactSkillIndex implements SkillIndex {
  readonly exact = true;
  readonly size: number;

  constructor(
    readonly dim: number,
    private readonly matrix: Float32Array,
    private readonly texts: readonly string[],
    private readonly groups: readonly SkillSurface[][],
  ) {
    this.size = texts.length;
  }

  scoresFor(vector: Float32Array): Float32Array {
    const { dim, matrix } = this;
    const scores = new Float32Array(this.size);
    for (let p = 0, base = 0; p < this.size; p++, base += dim) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += matrix[base + d]! * vector[d]!;
      scores[p] = s;
    }
    return scores;
  }

  searchSurfaces(vector: Float32Array, k: number): SurfaceHit[] {
    return topK(this.scoresFor(vector), k).map((h) => ({ point: h.point, score: h.score, text: this.texts[h.point]!, surfaces: this.groups[h.point]! }));
  }

  searchConcepts(vector: Float32Array, k: number, options?: SearchOptions): ConceptHit[] {
    // A concept can own several of the best points; over-fetch so k distinct concepts survive the collapse.
    return collapseToConcepts(topK(this.scoresFor(vector), options?.surfaces ?? k * 4), this.groups, k);
  }

  pointVector(point: number): Float32Array {
    return this.matrix.subarray(point * this.dim, (point + 1) * this.dim);
  }
  pointText(point: number): string {
    return this.texts[point]!;
  }
  pointSurfaces(point: number): readonly SkillSurface[] {
    return this.groups[point]!;
  }
}
