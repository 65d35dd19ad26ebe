import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalEmbedder } from '../../src/adapters/local-embedder.js';
import { searchableTitle } from '../../src/core/job-title.js';
import type { Embedder, EmbedKind } from '../../src/ports/embedder.js';
import type { Config } from '../../src/service/config.js';
import { resolveEngineModel } from '../../src/service/trained-model.js';
import { printTable } from './table.js';

const readTsv = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));

/** Vectors for many short texts, cached on disk by model and content (the English corpus is 34k labels). */
async function embedCached(embedder: Embedder, texts: string[], kind: EmbedKind, cacheDir: string): Promise<Float32Array[]> {
  const key = createHash('sha256').update(`${embedder.id}\n${kind}\n${texts.join('\n')}`).digest('hex').slice(0, 20);
  const file = join(cacheDir, 'bench', 'melo', `${key}.f32`);
  const dim = embedder.dim;
  if (existsSync(file)) {
    const flat = new Float32Array(readFileSync(file).buffer.slice(0));
    if (flat.length === texts.length * dim) return texts.map((_, i) => flat.subarray(i * dim, (i + 1) * dim));
  }
  const vecs = await embedder.embed(texts, kind);
  const flat = new Float32Array(texts.length * dim);
  vecs.forEach((v, i) => flat.set(v, i * dim));
  mkdirSync(join(cacheDir, 'bench', 'melo'), { recursive: true });
  writeFileSync(file, Buffer.from(flat.buffer));
  return vecs;
}

interface Scores {
  mrr: number;
  map: number;
}

/** Rank every corpus element for every query by cosine (unit vectors: the dot product). */
function score(qv: Float32Array[], cv: Float32Array[], ids: string[], qids: string[], relevant: Map<string, Set<string>>): Scores {
  const dim = qv[0]!.length;
  const sims = new Float32Array(cv.length);
  let mrr = 0;
  let map = 0;
  qv.forEach((a, q) => {
    cv.forEach((b, j) => {
      let s = 0;
      for (let k = 0; k < dim; k++) s += a[k]! * b[k]!;
      sims[j] = s;
    });
    const order = Array.from({ length: cv.length }, (_, i) => i).sort((x, y) => sims[y]! - sims[x]! || x - y);
    const rel = relevant.get(qids[q]!) ?? new Set();
    let hits = 0;
    let ap = 0;
    let first = 0;
    order.forEach((c, r) => {
      if (!rel.has(ids[c]!)) return;
      hits++;
      ap += hits / (r + 1);
      if (!first) first = r + 1;
    });
    mrr += first ? 1 / first : 0;
    map += rel.size ? ap / rel.size : 0;
  });
  return { mrr: mrr / qv.length, map: map / qv.length };
}

/**
 * MELO (title → ESCO occupation): rank every corpus element (an occupation name) for each job-title query by
 * cosine similarity; MRR and MAP over the TREC qrels, as published by the benchmark's authors. Rows: the base
 * English model, the ESCO-tuned model when `npm run model:train` built it, the multilingual model and its ESCO-tuned
 * build (what the product uses for non-English postings once built); each plain
 * and with the query read as the product's occupation inference reads it (searchableTitle: gender tags dropped, English
 * plurals made singular).
 */
export async function benchMelo(config: Config): Promise<void> {
  console.log('\n## Occupation inference: MELO (title → ESCO occupation)');
  const models: { label: string; modelId: string; modelsDir: string | null }[] = [{ label: 'base', modelId: config.embeddingModel, modelsDir: config.modelsDir }];
  const tuned = resolveEngineModel(config, 'primary');
  if (tuned.trained) models.push({ label: 'ESCO-tuned', modelId: tuned.modelId, modelsDir: tuned.modelsDir });
  else console.log('(no ESCO-tuned model in the cache: `npm run model:train` builds it)');
  models.push({ label: 'multilingual', modelId: config.multilingualModel, modelsDir: config.modelsDir });
  const tunedMultilingual = resolveEngineModel(config, 'multilingual');
  if (tunedMultilingual.trained) models.push({ label: 'multilingual ESCO-tuned', modelId: tunedMultilingual.modelId, modelsDir: tunedMultilingual.modelsDir });
  else console.log('(no ESCO-tuned multilingual model in the cache: `npm run model:train` builds it)');
  const rows: string[][] = [];
  for (const m of models) {
    const embedder = await createLocalEmbedder({ modelId: m.modelId, modelsDir: m.modelsDir, cacheDir: config.cacheDir });
    for (const dataset of ['fra_q_fr_c_fr', 'usa_q_en_c_en']) {
      const dir = join(config.sharedDir!, 'bench', 'melo', dataset);
      const queries = readTsv(join(dir, 'queries.tsv'));
      const corpus = readTsv(join(dir, 'corpus_elements.tsv'));
      const relevant = new Map<string, Set<string>>();
      for (const [q, , doc, rel] of readTsv(join(dir, 'annotations.tsv'))) {
        if (Number(rel) > 0) relevant.set(q!, (relevant.get(q!) ?? new Set()).add(doc!));
      }
      const ids = corpus.map((c) => c[0]!);
      const qids = queries.map((q) => q[0]!);
      // Like inferOccupations: the labels are indexed as they are; the product reads the query with searchableTitle.
      const lang = dataset.startsWith('fra') ? 'fr' : 'en';
      const cv = await embedCached(embedder, corpus.map((r) => r[1]!), 'passage', config.cacheDir);
      for (const asProduct of [false, true]) {
        const started = performance.now();
        const qv = await embedCached(embedder, queries.map((r) => (asProduct ? searchableTitle(r[1]!, lang) : r[1]!)), 'query', config.cacheDir);
        const s = score(qv, cv, ids, qids, relevant);
        const seconds = (performance.now() - started) / 1000;
        rows.push([`${m.label} (${m.modelId})`, dataset, asProduct ? 'product title' : 'cosine', s.mrr.toFixed(3), s.map.toFixed(3), String(queries.length), seconds.toFixed(0)]);
        console.log(`  ${rows.at(-1)!.join(' | ')}`);
      }
    }
  }
  printTable(['model', 'dataset', 'scoring', 'MRR', 'MAP', 'queries', 's'], rows);
  // The MELO paper's "mE5" is multilingual-e5-large with a prompt template on both sides (Avature/melo-benchmark).
  console.log('published (MELO paper, mE5 = multilingual-e5-large): fr→fr MRR 0.843 / MAP 0.660; en-US→en MRR 0.656 / MAP 0.376');
}
