import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { skillSurfaces, type LabelledConcept, type SurfaceOptions } from '../core/skill-surfaces.js';
import type { SkillSurface } from '../core/taxonomy-types.js';
import type { Embedder } from '../ports/embedder.js';
import type { Taxonomy } from '../ports/taxonomy.js';
import { writeFileAtomic } from './atomic-file.js';
import { ExactSkillIndex } from './exact-skill-index.js';
import { DEFAULT_HNSW, HnswSkillIndex, type HnswParams } from './hnsw-skill-index.js';

const FORMAT = 1;

/** Seconds spent embedding and building the graph in the last build of this process (for the benchmark). */
/** Texts per embedding call during a build (the graph takes in one chunk while the next is embedded). */
const BUILD_CHUNK = 4096;

export let lastBuildSplit = { embedSeconds: 0, graphSeconds: 0 };

export interface IndexBuildOptions extends SurfaceOptions {
  hnsw: HnswParams;
}

export const DEFAULT_INDEX_OPTIONS: IndexBuildOptions = {
  languages: ['en'],
  hiddenLabels: false,
  descriptions: false,
  hnsw: DEFAULT_HNSW,
};

/** Everything that changes the index's content: a different value means a different cache entry. */
export function indexCacheKey(input: { escoVersion: string; escoFingerprint: string; embedderId: string; options: IndexBuildOptions; collection?: string }): string {
  const { options } = input;
  const material = JSON.stringify({
    format: FORMAT,
    ...(input.collection && input.collection !== 'skills' ? { collection: input.collection } : {}),
    esco: [input.escoVersion, input.escoFingerprint],
    model: input.embedderId,
    languages: [...options.languages].sort(),
    hidden: options.hiddenLabels,
    descriptions: options.descriptions,
    m: options.hnsw.m,
    efc: options.hnsw.efConstruction,
  });
  return createHash('sha256').update(material).digest('hex').slice(0, 20);
}

interface Meta {
  key: string;
  dim: number;
  embedder: string;
  texts: string[];
  groups: SkillSurface[][];
  builtAt: string;
  buildSeconds: number;
}

export interface OpenedIndex {
  index: HnswSkillIndex;
  key: string;
  dir: string;
  built: boolean;
  buildSeconds: number;
  /** Brute-force twin over the same vectors (loaded on request: it needs the raw vectors in memory). */
  exact(): ExactSkillIndex;
}

export interface OpenIndexInput {
  taxonomy: Taxonomy & { fingerprint?: string };
  embedder: Embedder;
  cacheDir: string;
  options?: Partial<IndexBuildOptions>;
  /** Called with a phase name while building: embedding labels, then the HNSW graph. */
  onProgress?: (phase: 'embed' | 'graph', done: number, total: number) => void;
  rebuild?: boolean;
  /** Index another concept collection of the taxonomy (default: its skills). */
  collection?: { name: string; concepts: readonly LabelledConcept[] };
}

/** Open the cached index for (ESCO version, languages, model, options), building and saving it when absent. */
export async function openSkillIndex(input: OpenIndexInput): Promise<OpenedIndex> {
  const options = { ...DEFAULT_INDEX_OPTIONS, ...input.options, hnsw: { ...DEFAULT_HNSW, ...input.options?.hnsw } };
  const key = indexCacheKey({
    escoVersion: input.taxonomy.version,
    escoFingerprint: input.taxonomy.fingerprint ?? '',
    embedderId: input.embedder.id,
    options,
    collection: input.collection?.name,
  });
  const dir = join(input.cacheDir, 'index', input.collection ? `${input.collection.name}-${key}` : key);
  const metaFile = join(dir, 'meta.json');
  const graphFile = join(dir, 'graph.hnsw');
  const vectorFile = join(dir, 'vectors.f32');
  const exactFrom = (meta: Meta, vectors?: Float32Array) => () => {
    const v = vectors ?? new Float32Array(new Uint8Array(readFileSync(vectorFile)).buffer);
    return new ExactSkillIndex(meta.dim, v, meta.texts, meta.groups);
  };

  if (!input.rebuild && existsSync(metaFile) && existsSync(graphFile)) {
    // The graph (largest file) loads off-thread while the label table is parsed here.
    const dim = input.embedder.dim;
    const loading = HnswSkillIndex.startLoad(graphFile, dim);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    await loading.done;
    if (meta.key === key && meta.dim === dim) {
      const index = loading.attach(meta.texts, meta.groups, options.hnsw.efSearch);
      return { index, key, dir, built: false, buildSeconds: meta.buildSeconds, exact: exactFrom(meta) };
    }
  }

  const started = performance.now();
  const table = skillSurfaces(input.collection?.concepts ?? input.taxonomy.skills(), options);
  const dim = input.embedder.dim;
  const total = table.texts.length;
  const matrix = new Float32Array(total * dim);
  const builder = HnswSkillIndex.builder(dim, total, options.hnsw);
  // The model runs on ONNX Runtime's threads; the graph grows on this one. Embed chunk k+1 while chunk k is
  // inserted, a few points at a time, so the model's next batch is never kept waiting for long.
  let embedded = 0;
  const embedChunk = (from: number) =>
    input.embedder.embed(table.texts.slice(from, from + BUILD_CHUNK), 'passage', (d) => input.onProgress?.('embed', embedded + d, total));
  let pending = total ? embedChunk(0) : Promise.resolve([]);
  let embedSeconds = 0;
  for (let from = 0; from < total; from += BUILD_CHUNK) {
    const vectors = await pending;
    vectors.forEach((v, i) => matrix.set(v, (from + i) * dim));
    embedded += vectors.length;
    if (from + BUILD_CHUNK < total) pending = embedChunk(from + BUILD_CHUNK);
    else embedSeconds = (performance.now() - started) / 1000;
    for (let p = from; p < from + vectors.length; p++) {
      builder.add(p, matrix.subarray(p * dim, (p + 1) * dim));
      if (p % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
      if (p % 2000 === 1999) input.onProgress?.('graph', p + 1, total);
    }
  }
  const index = builder.finish(matrix, table.texts, table.groups);
  const buildSeconds = (performance.now() - started) / 1000;
  input.onProgress?.('graph', total, total);
  // With the two overlapped, "graph" is the time the graph needed after the last vector arrived.
  lastBuildSplit = { embedSeconds, graphSeconds: buildSeconds - embedSeconds };
  const meta: Meta = { key, dim, embedder: input.embedder.id, texts: table.texts, groups: table.groups, builtAt: new Date().toISOString(), buildSeconds };
  mkdirSync(dir, { recursive: true });
  index.save(`${graphFile}.tmp`);
  renameSync(`${graphFile}.tmp`, graphFile);
  writeFileAtomic(vectorFile, new Uint8Array(matrix.buffer));
  writeFileAtomic(metaFile, JSON.stringify(meta));
  return { index, key, dir, built: true, buildSeconds, exact: exactFrom(meta, matrix) };
}
