import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTrainedModels, modelFamily, resolveEmbeddingModel, resolveEngineModel, TRAINED_MODEL_BASE, TRAINED_MULTILINGUAL_BASE } from '../../../src/service/trained-model.js';

function cacheWith(...artefacts: { name: string; ageSeconds?: number; complete?: boolean }[]): string {
  const cache = mkdtempSync(join(tmpdir(), 'sp-trained-'));
  for (const a of artefacts) {
    const dir = join(cache, 'models', 'skillproof', a.name);
    mkdirSync(join(dir, 'onnx'), { recursive: true });
    writeFileSync(join(dir, 'config.json'), '{}');
    if (a.complete === false) continue;
    const onnx = join(dir, 'onnx', 'model_quantized.onnx');
    writeFileSync(onnx, 'x');
    const at = Date.now() / 1000 - (a.ageSeconds ?? 0);
    utimesSync(onnx, at, at);
  }
  return cache;
}

const base = { embeddingModel: TRAINED_MODEL_BASE, modelsDir: '/shared/models' };

describe('resolveEmbeddingModel', () => {
  it('uses the newest finished artefact in auto mode, as (models root, ORG/NAME)', () => {
    const cache = cacheWith({ name: 'minilm-esco-old', ageSeconds: 600 }, { name: 'minilm-esco-new' }, { name: 'minilm-esco-next.partial' });
    const choice = resolveEmbeddingModel({ ...base, setting: 'auto', cacheDir: cache });
    expect(choice).toEqual({ modelId: 'skillproof/minilm-esco-new', modelsDir: join(cache, 'models'), notice: null, trained: true });
  });

  it('falls back to the base model with a one-line notice when nothing is built', () => {
    const cache = cacheWith({ name: 'minilm-esco-half', complete: false });
    const choice = resolveEmbeddingModel({ ...base, setting: 'auto', cacheDir: cache });
    expect(choice.modelId).toBe(TRAINED_MODEL_BASE);
    expect(choice.modelsDir).toBe('/shared/models');
    expect(choice.trained).toBe(false);
    expect(choice.notice).toMatch(/npm run model:train/);
    expect(choice.notice).not.toContain('\n');
  });

  it('off ignores a built artefact; another configured model is left alone in auto mode', () => {
    const cache = cacheWith({ name: 'minilm-esco-a' });
    expect(resolveEmbeddingModel({ ...base, setting: 'off', cacheDir: cache })).toMatchObject({ modelId: TRAINED_MODEL_BASE, notice: null, trained: false });
    expect(resolveEmbeddingModel({ ...base, embeddingModel: 'Org/other', setting: 'auto', cacheDir: cache })).toMatchObject({ modelId: 'Org/other', notice: null });
  });

  it('accepts an explicit artefact folder and refuses one without a model', () => {
    const cache = cacheWith({ name: 'minilm-esco-a' });
    const dir = join(cache, 'models', 'skillproof', 'minilm-esco-a');
    expect(resolveEmbeddingModel({ ...base, setting: dir, cacheDir: '/elsewhere' })).toMatchObject({ modelId: 'skillproof/minilm-esco-a', modelsDir: join(cache, 'models'), trained: true });
    expect(() => resolveEmbeddingModel({ ...base, setting: join(cache, 'nope'), cacheDir: cache })).toThrow(/SKILLPROOF_TRAINED_MODEL/);
  });

  it('keeps the two families apart: each slot only takes builds of its own base model', () => {
    const cache = cacheWith({ name: 'minilm-esco-a', ageSeconds: 60 }, { name: 'me5-esco-b' });
    const multi = { embeddingModel: TRAINED_MULTILINGUAL_BASE, modelsDir: '/shared/models', setting: 'auto', cacheDir: cache };
    expect(resolveEmbeddingModel(multi)).toMatchObject({ modelId: 'skillproof/me5-esco-b', trained: true });
    expect(resolveEmbeddingModel({ ...base, setting: 'auto', cacheDir: cache })).toMatchObject({ modelId: 'skillproof/minilm-esco-a', trained: true });
    const onlyEnglish = cacheWith({ name: 'minilm-esco-a' });
    const fallback = resolveEmbeddingModel({ ...multi, cacheDir: onlyEnglish });
    expect(fallback).toMatchObject({ modelId: TRAINED_MULTILINGUAL_BASE, trained: false });
    expect(fallback.notice).toContain(TRAINED_MULTILINGUAL_BASE);
    expect(() => resolveEmbeddingModel({ ...multi, setting: join(cache, 'nope'), settingName: 'SKILLPROOF_TRAINED_MULTILINGUAL_MODEL' })).toThrow(/SKILLPROOF_TRAINED_MULTILINGUAL_MODEL/);
  });

  it('resolves each engine slot from its own settings', () => {
    const cache = cacheWith({ name: 'minilm-esco-a' }, { name: 'me5-esco-b' });
    const config = { embeddingModel: TRAINED_MODEL_BASE, multilingualModel: TRAINED_MULTILINGUAL_BASE, trainedModel: 'off', trainedMultilingualModel: undefined, modelsDir: '/shared/models', cacheDir: cache };
    expect(resolveEngineModel(config, 'primary')).toMatchObject({ modelId: TRAINED_MODEL_BASE, trained: false });
    expect(resolveEngineModel(config, 'multilingual')).toMatchObject({ modelId: 'skillproof/me5-esco-b', trained: true });
    expect(() => resolveEngineModel({ ...config, trainedMultilingualModel: join(cache, 'nope') }, 'multilingual')).toThrow(/SKILLPROOF_TRAINED_MULTILINGUAL_MODEL/);
  });

  it('knows each build’s family', () => {
    expect(modelFamily('skillproof/me5-esco-0123456789ab@q8')).toBe('skillproof/me5-esco');
    expect(modelFamily('skillproof/minilm-esco-0123456789ab-step112@q8')).toBe('skillproof/minilm-esco');
    expect(modelFamily('Xenova/multilingual-e5-small@q8')).toBe('Xenova/multilingual-e5-small');
  });

  it('lists nothing for a cache without the folder', () => {
    expect(listTrainedModels(mkdtempSync(join(tmpdir(), 'sp-empty-')))).toEqual([]);
  });
});

describe('thresholdFor', () => {
  it('gives every build of the trained model its own entry, and the base model its own', async () => {
    const { thresholdFor } = await import('../../../src/service/link-posting.js');
    const trained = thresholdFor('skillproof/minilm-esco-7381be76f6c5-step112@q8');
    expect(trained).toEqual(thresholdFor('skillproof/minilm-esco-0123456789ab@q8'));
    expect(trained).not.toEqual(thresholdFor('Xenova/all-MiniLM-L6-v2@q8'));
    expect(thresholdFor('Xenova/all-MiniLM-L6-v2@q8')).toEqual({ accept: 0.64, spread: 0.06 });
    expect(thresholdFor('skillproof/me5-esco-0123456789ab@q8')).not.toEqual(thresholdFor('Xenova/multilingual-e5-small@q8'));
    expect(thresholdFor('skillproof/me5-esco-0123456789ab@q8')).toEqual(thresholdFor('skillproof/me5-esco-29b5b28539db@q8'));
  });
});

describe('rankOptionsFor', () => {
  it('ranks phrases from context for every build of the trained model and for E5, with own passes for the base model', async () => {
    const { rankOptionsFor } = await import('../../../src/service/link-posting.js');
    expect(rankOptionsFor('skillproof/minilm-esco-7381be76f6c5@q8')).toEqual({ contextualSpans: true });
    expect(rankOptionsFor('skillproof/minilm-esco-0123456789ab-step112@q8')).toEqual({ contextualSpans: true });
    expect(rankOptionsFor('Xenova/multilingual-e5-small@q8')).toEqual({ contextualSpans: true, isolatedSpanWords: 1 });
    expect(rankOptionsFor('skillproof/me5-esco-0123456789ab@q8')).toEqual({ contextualSpans: true, isolatedSpanWords: 1 });
    expect(rankOptionsFor('Xenova/all-MiniLM-L6-v2@q8')).toEqual({});
  });
});
