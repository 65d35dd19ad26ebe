/**
 * Load a freshly exported model with the product's own embedder (onnxruntime-node) and compare its mean-pooled,
 * normalised vectors with the PyTorch reference written by export_onnx.py. Exits non-zero below the bar.
 * Usage: npx tsx skills-taxonomy/training/check-node-embeddings.ts <artefact dir>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createLocalEmbedder } from '../../src/adapters/local-embedder.js';

const MIN_COSINE = 0.98;

const dir = resolve(process.argv[2] ?? '');
const reference = JSON.parse(readFileSync(join(dir, 'reference-embeddings.json'), 'utf8')) as { texts: string[]; vectors: number[][] };
// The embedder takes a models root and an ORG/NAME id, exactly as the product will pass them.
const modelsDir = dirname(dirname(dir));
const modelId = `${basename(dirname(dir))}/${basename(dir)}`;
const started = performance.now();
const embedder = await createLocalEmbedder({ modelId, modelsDir, cacheDir: modelsDir });
const loadMs = performance.now() - started;
const got = await embedder.embed(reference.texts, 'query');
const cosines = got.map((v, i) => {
  const r = reference.vectors[i]!;
  let dot = 0;
  let norm = 0;
  for (let d = 0; d < v.length; d++) {
    dot += v[d]! * r[d]!;
    norm += r[d]! * r[d]!;
  }
  return dot / Math.sqrt(norm);
});
const mean = cosines.reduce((a, b) => a + b, 0) / cosines.length;
const min = Math.min(...cosines);
const result = { embedder: embedder.id, dim: embedder.dim, loadMs: Math.round(loadMs), texts: cosines.length, meanCosine: Number(mean.toFixed(5)), minCosine: Number(min.toFixed(5)) };
console.log(`node (onnxruntime-node, int8) vs PyTorch fp32: ${JSON.stringify(result)}`);
writeFileSync(join(dir, 'node-check.json'), JSON.stringify(result, null, 2));
if (embedder.dim !== 384 || min < MIN_COSINE) {
  console.error(`The exported model disagrees with PyTorch (min cosine ${min.toFixed(4)} < ${MIN_COSINE}).`);
  process.exit(1);
}
