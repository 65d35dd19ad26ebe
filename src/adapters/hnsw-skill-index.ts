import hnswlib from 'hnswlib-node';
import { collapseToConcepts } from '../core/concept-hits.js';
import type { SkillSurface } from '../core/taxonomy-types.js';
import type { ConceptHit, SearchOptions, SkillIndex, SurfaceHit } from '../ports/skill-index.js';

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/** Label vectors kept after reading them back from the graph (≈ 30 MB at 384 dimensions). */
const POINT_CACHE = 20_000;

// efSearch 400: recall@10 0.994 against exact search on real ESCO vectors (npm run bench -- index).
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 120, efSearch: 400 };

/** Approximate cosine search with hnswlib (inner product on normalised vectors). */
export class HnswSkillIndex implements SkillIndex {
  readonly exact = false;
  readonly size: number;
  private readonly pointCache = new Map<number, Float32Array>();

  private constructor(
    readonly dim: number,
    private readonly hnsw: hnswlib.HierarchicalNSW,
    private readonly texts: readonly string[],
    private readonly groups: readonly SkillSurface[][],
    private readonly vectors: Float32Array | null,
    private defaultEf: number,
  ) {
    this.size = texts.length;
  }

  /** Build from row-major normalised vectors; `onProgress(done,total)` is called every few thousand points. */
  static build(
    dim: number,
    matrix: Float32Array,
    texts: readonly string[],
    groups: readonly SkillSurface[][],
    params: HnswParams,
    onProgress?: (done: number, total: number) => void,
  ): HnswSkillIndex {
    const builder = HnswSkillIndex.builder(dim, texts.length, params);
    for (let p = 0; p < texts.length; p++) {
      builder.add(p, matrix.subarray(p * dim, (p + 1) * dim));
      if (onProgress && (p % 2000 === 1999 || p === texts.length - 1)) onProgress(p + 1, texts.length);
    }
    return builder.finish(matrix, texts, groups);
  }

  /**
   * Build point by point, in label order (points must be added as 0, 1, 2, …), so a caller can insert the
   * vectors it has while the model is still embedding the rest.
   */
  static builder(dim: number, size: number, params: HnswParams) {
    const hnsw = new hnswlib.HierarchicalNSW('ip', dim);
    hnsw.initIndex({ maxElements: Math.max(1, size), m: params.m, efConstruction: params.efConstruction, randomSeed: 42 });
    let next = 0;
    return {
      add(point: number, vector: Float32Array): void {
        if (point !== next) throw new Error(`Index points must be added in order: expected ${next}, got ${point}.`);
        hnsw.addPoint(Array.from(vector), point);
        next++;
      },
      finish(matrix: Float32Array, texts: readonly string[], groups: readonly SkillSurface[][]): HnswSkillIndex {
        if (next !== texts.length) throw new Error(`Index build stopped at point ${next} of ${texts.length}.`);
        return new HnswSkillIndex(dim, hnsw, texts, groups, matrix, params.efSearch);
      },
    };
  }

  /**
   * Start reading a saved graph on hnswlib's worker thread; the caller parses the label table meanwhile and then
   * calls `attach`. Vectors for re-scoring are read back from the graph on demand.
   */
  static startLoad(file: string, dim: number): { done: Promise<void>; attach(texts: readonly string[], groups: readonly SkillSurface[][], efSearch: number): HnswSkillIndex } {
    const hnsw = new hnswlib.HierarchicalNSW('ip', dim);
    const done = hnsw.readIndex(file).then(() => undefined);
    return { done, attach: (texts, groups, efSearch) => new HnswSkillIndex(dim, hnsw, texts, groups, null, efSearch) };
  }

  save(file: string): void {
    this.hnsw.writeIndexSync(file);
  }

  private ef = 0;

  setEf(ef: number): void {
    this.defaultEf = ef;
  }

  private knn(vector: Float32Array, k: number, options?: SearchOptions) {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const ef = Math.max(n, options?.ef ?? this.defaultEf);
    if (ef !== this.ef) {
      this.hnsw.setEf(ef);
      this.ef = ef;
    }
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(vector), n);
    // hnswlib's inner-product space reports 1 - dot.
    return neighbors.map((point, i) => ({ point, score: 1 - distances[i]! }));
  }

  searchSurfaces(vector: Float32Array, k: number, options?: SearchOptions): SurfaceHit[] {
    return this.knn(vector, k, options).map((h) => ({ ...h, text: this.texts[h.point]!, surfaces: this.groups[h.point]! }));
  }

  searchConcepts(vector: Float32Array, k: number, options?: SearchOptions): ConceptHit[] {
    return collapseToConcepts(this.knn(vector, options?.surfaces ?? k * 4, options), this.groups, k);
  }

  pointVector(point: number): Float32Array {
    if (this.vectors) return this.vectors.subarray(point * this.dim, (point + 1) * this.dim);
    // Reading a point back from hnswlib copies it through a JS array; the same labels recur across sentences.
    let v = this.pointCache.get(point);
    if (!v) {
      v = Float32Array.from(this.hnsw.getPoint(point));
      if (this.pointCache.size >= POINT_CACHE) this.pointCache.delete(this.pointCache.keys().next().value!);
      this.pointCache.set(point, v);
    }
    return v;
  }
  pointText(point: number): string {
    return this.texts[point]!;
  }
  pointSurfaces(point: number): readonly SkillSurface[] {
    return this.groups[point]!;
  }
}
