import type { SkillSurface } from '../core/taxonomy-types.js';

export interface SurfaceHit {
  surfaceId: number;
  surface: SkillSurface;
  /** Cosine similarity in [-1, 1]. */
  score: number;
}

export interface ConceptHit {
  conceptUri: string;
  /** Best cosine over the concept's surfaces. */
  score: number;
  /** The surface that scored best. */
  best: SkillSurface;
}

/**
 * Nearest-neighbour search over ESCO surface forms (labels), mapped back to concepts.
 *
 * Contract:
 * - Vectors passed in are L2-normalised and of the index's dimension; scores are cosine similarities.
 * - `searchSurfaces` returns at most k hits, best first; `searchConcepts` collapses surfaces to their concept
 *   (max score) and returns at most k distinct concepts.
 * - An exact index (brute force) and an approximate one (HNSW) answer the same calls; `exact` tells which.
 */
export interface SkillIndex {
  readonly size: number;
  readonly dim: number;
  readonly exact: boolean;
  searchSurfaces(vector: Float32Array, k: number): SurfaceHit[];
  searchConcepts(vector: Float32Array, k: number): ConceptHit[];
  /** The stored, normalised vector of one surface (for re-scoring). */
  surfaceVector(surfaceId: number): Float32Array;
  surfaces(): readonly SkillSurface[];
}
