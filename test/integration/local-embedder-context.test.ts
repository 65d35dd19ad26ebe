import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/adapters/local-embedder.js';
import { loadConfig } from '../../src/service/config.js';

// Needs the real models in ../shared/models (or SKILLPROOF_MODELS_DIR); skipped without them.
const modelsDir = loadConfig(process.env).modelsDir;
const models = ['Xenova/all-MiniLM-L6-v2', 'Xenova/multilingual-e5-small'].filter((m) => modelsDir && existsSync(join(modelsDir, m, 'onnx', 'model_quantized.onnx')));
const reason = models.length ? models.join(', ') : 'skipped: no local models (set SKILLPROOF_MODELS_DIR)';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const SENTENCES = [
  'Solid experience with Python, SQL and relational databases (PostgreSQL).',
  'Sehr gute Kenntnisse in Kubernetes-Umgebungen und CI/CD-Pipelines',
  'Maîtrise de Golang, Python et SQL',
];

describe(`embedding phrases inside their sentence (${reason})`, () => {
  if (!models.length) it.skip(reason, () => undefined);
  it.each(models)('%s: the sentence vector equals embed(); each phrase gets a unit vector closest to its own words', async (modelId) => {
    const e = await createLocalEmbedder({ modelId, modelsDir: modelsDir!, cacheDir: '/tmp' });
    const items = SENTENCES.map((text) => {
      const spans = ['Python', 'SQL', 'Kubernetes-Umgebungen', 'Golang'].flatMap((w) => {
        const start = text.indexOf(w);
        return start >= 0 ? [{ start, end: start + w.length }] : [];
      });
      return { text, spans };
    });
    const before = e.usage!.sequences;
    const ctx = await e.embedInContext!(items, 'query');
    // One model pass per sentence, none per phrase.
    expect(e.usage!.sequences - before).toBe(SENTENCES.length);
    const plain = await e.embed(SENTENCES, 'query');
    ctx.forEach((c, i) => {
      expect(dot(c.text, plain[i]!)).toBeGreaterThan(0.99999);
      expect(c.spans.length).toBe(items[i]!.spans.length);
      for (const v of c.spans) expect(Math.abs(dot(v, v) - 1)).toBeLessThan(1e-4);
    });
    // The pooled "Python" of the first sentence is nearer the word Python alone than SQL alone is.
    const [python, sql] = await e.embed(['Python', 'SQL'], 'query');
    expect(dot(ctx[0]!.spans[0]!, python!)).toBeGreaterThan(dot(ctx[0]!.spans[0]!, sql!));
    expect(dot(ctx[0]!.spans[1]!, sql!)).toBeGreaterThan(dot(ctx[0]!.spans[1]!, python!));
  });

  it.each(models)('%s: a phrase past the length limit still gets a vector (its own pass)', async (modelId) => {
    const e = await createLocalEmbedder({ modelId, modelsDir: modelsDir!, cacheDir: '/tmp' });
    const text = `${'lorem ipsum dolor '.repeat(150)}Python`;
    const [c] = await e.embedInContext!([{ text, spans: [{ start: text.length - 6, end: text.length }] }], 'query');
    const [alone] = await e.embed(['Python'], 'query');
    expect(dot(c!.spans[0]!, alone!)).toBeGreaterThan(0.9999);
  });
});
