import type { SkillSurface } from '../core/taxonomy-types.js';

/** One indexed text (a label) and every concept surface it stands for. */
export interface SurfaceHit {
  point: number;
  text: string;
  surfaces: readonly SkillSurface[];
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

/** `ef`: approximate indexes explore at least this many candidates (more = better recall, slower). */
export interface SearchOptions {
  ef?: number;
  /** searchConcepts: how many nearest surfaces to collapse into concepts (default 4 × k; fewer is faster). */
  surfaces?: number;
}

/**
 * Nearest-neighbour search over ESCO surface forms (labels), mapped back to concepts.
 *
 * Contract:
 * - Vectors passed in are L2-normalised and of the index's dimension; scores are cosine similarities.
 * - `searchSurfaces` returns at most k points, best first; `searchConcepts` collapses points to concepts
 *   (max score) and returns at most k distinct concepts, best first.
 * - An exact index (brute force) and an approximate one (HNSW) answer the same calls; `exact` tells which.
 * - Searches may answer with a promise (a database adapter such as pgvector does), so callers always `await` them;
 *   the point accessors stay synchronous (adapters keep the label table in memory for re-scoring).
 */
export interface SkillIndex {
  /** Number of indexed points (unique label texts). */
  readonly size: number;
  readonly dim: number;
  readonly exact: boolean;
  searchSurfaces(vector: Float32Array, k: number, options?: SearchOptions): SurfaceHit[] | Promise<SurfaceHit[]>;
  searchConcepts(vector: Float32Array, k: number, options?: SearchOptions): ConceptHit[] | Promise<ConceptHit[]>;
  /** The stored, normalised vector of one point (for re-scoring). */
  pointVector(point: number): Float32Array;
  pointText(point: number): string;
  pointSurfaces(point: number): readonly SkillSurface[];
}
