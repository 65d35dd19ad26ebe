import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEscoTaxonomy } from '../../../src/adapters/esco-csv-taxonomy.js';
import { createHashingEmbedder } from '../../../src/adapters/hashing-embedder.js';
import { DEFAULT_INDEX_OPTIONS, indexCacheKey, openSkillIndex } from '../../../src/adapters/skill-index-store.js';
import { searchSkills } from '../../../src/service/search-skills.js';
import { writeEscoMini } from '../../fixtures/esco-mini.js';

const ESCO = writeEscoMini();
const S = 'http://data.europa.eu/esco/skill/';
const taxonomy = loadEscoTaxonomy({ escoDir: ESCO, cacheDir: null, languages: ['en', 'fr'] }).taxonomy;

describe('index cache key', () => {
  const base = { escoVersion: 'v1.1.1', escoFingerprint: 'abc', embedderId: 'm@q8', options: DEFAULT_INDEX_OPTIONS };
  it('is stable for the same inputs and ignores language order', () => {
    const a = indexCacheKey({ ...base, options: { ...DEFAULT_INDEX_OPTIONS, languages: ['en', 'fr'] } });
    const b = indexCacheKey({ ...base, options: { ...DEFAULT_INDEX_OPTIONS, languages: ['fr', 'en'] } });
    expect(a).toBe(b);
  });
  it('changes with the ESCO version, content, model, languages and build options', () => {
    const k = indexCacheKey(base);
    expect(indexCacheKey({ ...base, escoVersion: 'v1.2.0' })).not.toBe(k);
    expect(indexCacheKey({ ...base, escoFingerprint: 'abd' })).not.toBe(k);
    expect(indexCacheKey({ ...base, embedderId: 'other@q8' })).not.toBe(k);
    expect(indexCacheKey({ ...base, options: { ...DEFAULT_INDEX_OPTIONS, languages: ['en', 'de'] } })).not.toBe(k);
    expect(indexCacheKey({ ...base, options: { ...DEFAULT_INDEX_OPTIONS, hiddenLabels: true } })).not.toBe(k);
    expect(indexCacheKey({ ...base, options: { ...DEFAULT_INDEX_OPTIONS, hnsw: { ...DEFAULT_INDEX_OPTIONS.hnsw, m: 32 } } })).not.toBe(k);
  });
  it('does not change with search-time settings (efSearch)', () => {
    expect(indexCacheKey({ ...base, options: { ...DEFAULT_INDEX_OPTIONS, hnsw: { ...DEFAULT_INDEX_OPTIONS.hnsw, efSearch: 500 } } })).toBe(indexCacheKey(base));
  });
});

describe('skill index on the fixture taxonomy', () => {
  const embedder = createHashingEmbedder(128);

  it('builds, saves, reloads from cache and rebuilds when the model changes', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'sp-index-'));
    const phases = new Set<string>();
    const first = await openSkillIndex({ taxonomy, embedder, cacheDir, options: { languages: ['en', 'fr'] }, onProgress: (p) => phases.add(p) });
    expect(first.built).toBe(true);
    expect(phases).toEqual(new Set(['embed', 'graph']));
    expect(existsSync(join(first.dir, 'graph.hnsw'))).toBe(true);
    const again = await openSkillIndex({ taxonomy, embedder, cacheDir, options: { languages: ['en', 'fr'] } });
    expect(again.built).toBe(false);
    expect(again.key).toBe(first.key);
    const other = await openSkillIndex({ taxonomy, embedder: createHashingEmbedder(64), cacheDir, options: { languages: ['en', 'fr'] } });
    expect(other.built).toBe(true);
    expect(other.key).not.toBe(first.key);
  });

  it('maps label hits back to concepts, across alt labels and languages, and agrees with exact search', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'sp-index-'));
    const opened = await openSkillIndex({ taxonomy, embedder, cacheDir, options: { languages: ['en', 'fr'] } });
    const engine = { taxonomy, embedder, index: opened.index };
    const py = await searchSkills(engine, { query: 'Python programming', k: 3 });
    expect(py[0]!.uri).toBe(`${S}python`);
    expect(new Set(py.map((h) => h.uri)).size).toBe(py.length);
    const fr = await searchSkills(engine, { query: 'soins infirmiers', k: 1, lang: 'fr' });
    expect(fr[0]!.uri).toBe(`${S}nursing`);
    expect(fr[0]!.label).toBe('prodiguer des soins infirmiers');
    const [v] = await embedder.embed(['teamwork'], 'query');
    expect(opened.index.searchConcepts(v!, 3).map((h) => h.conceptUri)).toEqual(opened.exact().searchConcepts(v!, 3).map((h) => h.conceptUri));
  });

  it('rejects an empty query and an unloaded language with a clear message', async () => {
    const opened = await openSkillIndex({ taxonomy, embedder, cacheDir: mkdtempSync(join(tmpdir(), 'sp-index-')) });
    const engine = { taxonomy, embedder, index: opened.index };
    await expect(searchSkills(engine, { query: '   ', k: 3 })).rejects.toThrow(/empty/);
    await expect(searchSkills(engine, { query: 'x', k: 3, lang: 'de' })).rejects.toThrow(/No ESCO labels loaded for "de"/);
  });
});
