import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../../src/adapters/hashing-embedder.js';
import { PostingAnalysisSchema } from '../../../src/core/analysis.js';
import { loadConfig } from '../../../src/service/config.js';
import { createService } from '../../../src/service/create-service.js';
import { writeEscoMini } from '../../fixtures/esco-mini.js';
import { FileAnalysisStore } from '../../../src/adapters/file-analysis-store.js';
import type { AnalysisStore } from '../../../src/ports/analysis-store.js';
import type { Embedder } from '../../../src/ports/embedder.js';

const S = 'http://data.europa.eu/esco/skill/';

function fixtureService(options: { embedder?: Embedder; analysisStore?: AnalysisStore | null } = {}) {
  const root = join(__dirname, '..', '..', '..');
  const scratch = mkdtempSync(join(tmpdir(), 'sp-an-'));
  const config = {
    ...loadConfig({ SKILLPROOF_ESCO_DIR: writeEscoMini(), SKILLPROOF_CACHE_DIR: scratch, SKILLPROOF_DATA_DIR: join(scratch, 'data') }, root),
    modelsDir: null,
  };
  const fake = options.embedder ?? createHashingEmbedder(256);
  return createService({ config, embedders: { primary: fake, multilingual: fake }, analysisStore: options.analysisStore, queryCacheSize: 0 });
}

/** The fake embedder, counting the texts it is asked to embed as queries (index builds are bulk calls). */
function countingEmbedder() {
  const inner = createHashingEmbedder(256);
  const counter = { queries: 0 };
  const embedder: Embedder = {
    ...inner,
    async embed(texts, kind, onProgress) {
      if (kind === 'query') counter.queries += texts.length;
      return inner.embed(texts, kind, onProgress);
    },
  };
  return { embedder, counter };
}

const POSTING = `# Backend Developer

## About us
We are a small software company with a friendly team and flexible hours.

## Your profile
- 3+ years of experience with Python
- Solid knowledge of SQL and relational databases
- You enjoy teamwork

## Nice to have
- Experience with AWS

## Benefits
- Free meals cooked by our chef every day
`;

describe('analyzePosting on the fixture taxonomy', () => {
  it('links stated skills with evidence, importance and years, and drops boilerplate', async () => {
    const service = fixtureService();
    const analysis = await service.analyze({ text: POSTING });
    expect(PostingAnalysisSchema.safeParse(analysis).success).toBe(true);
    const byUri = new Map(analysis.skills.map((s) => [s.escoUri, s]));
    const python = byUri.get(`${S}python`);
    expect(python?.importance).toBe('essential');
    expect(python?.years).toBe(3);
    expect(python?.evidence[0]!.sentence).toContain('Python');
    expect(byUri.get(`${S}sql`)?.importance).toBe('essential');
    expect(byUri.get(`${S}aws`)?.importance).toBe('optional');
    // "meals cooked by our chef" sits in the benefits section: not a requirement.
    expect(byUri.has(`${S}cook`)).toBe(false);
    // Each skill once.
    expect(new Set(analysis.skills.map((s) => s.escoUri)).size).toBe(analysis.skills.length);
    expect(analysis.occupations[0]?.label).toBe('software developer');
    expect(analysis.timings.read).toBeGreaterThanOrEqual(0);
  });

  it('does not report a broader concept found for the same words as a narrower one', async () => {
    const analysis = await fixtureService().analyze({ text: 'Requirements:\n- Python computer programming experience\n- Java computer programming' });
    const uris = analysis.skills.map((s) => s.escoUri);
    expect(uris).toContain(`${S}python`);
    expect(uris).not.toContain(`${S}prog`);
  });

  it('refuses empty input with a clear message', async () => {
    await expect(fixtureService().analyze({ text: '   ' })).rejects.toThrow(/empty/i);
  });
});

describe('the analysis store', () => {
  it('answers a posting seen before from the store, without embedding anything again', async () => {
    const { embedder, counter } = countingEmbedder();
    const service = fixtureService({ embedder, analysisStore: new FileAnalysisStore({ dir: null }) });
    const first = await service.analyze({ text: POSTING });
    const afterFirst = counter.queries;
    expect(afterFirst).toBeGreaterThan(0);
    const second = await service.analyze({ text: POSTING });
    expect(counter.queries).toBe(afterFirst);
    expect(second.skills).toEqual(first.skills);
    expect(second.timings.store).toBeGreaterThanOrEqual(0);
    expect(first.timings.store).toBeUndefined();
    // A different option is a different analysis.
    await service.analyze({ text: POSTING, includeImplied: false });
    expect(counter.queries).toBeGreaterThan(afterFirst);
  });

  it('shares one analysis among simultaneous requests for the same posting', async () => {
    const { embedder, counter } = countingEmbedder();
    const service = fixtureService({ embedder, analysisStore: new FileAnalysisStore({ dir: null }) });
    await service.analyze({ text: 'Requirements:\n- SQL' }); // load the engine first
    const before = counter.queries;
    const one = await service.analyze({ text: POSTING });
    const perAnalysis = counter.queries - before;
    const fresh = fixtureService({ embedder, analysisStore: new FileAnalysisStore({ dir: null }) });
    await fresh.analyze({ text: 'Requirements:\n- SQL' });
    const start = counter.queries;
    const all = await Promise.all(Array.from({ length: 5 }, () => fresh.analyze({ text: POSTING })));
    expect(counter.queries - start).toBe(perAnalysis);
    for (const a of all) expect(a.skills).toEqual(one.skills);
  });

  it('analyses afresh when the store is off', async () => {
    const { embedder, counter } = countingEmbedder();
    const service = fixtureService({ embedder, analysisStore: null });
    await service.analyze({ text: POSTING });
    const afterFirst = counter.queries;
    await service.analyze({ text: POSTING });
    expect(counter.queries).toBe(2 * afterFirst);
  });
});

describe('tools ESCO has no concept for', () => {
  it('links nothing for "Docker" instead of a look-alike', async () => {
    const analysis = await fixtureService().analyze({ text: 'Requirements:\n- Docker\n- Python programming with Docker and Kubernetes' });
    for (const s of analysis.skills) expect(s.evidence.every((e) => !/^docker$/i.test(e.mention))).toBe(true);
    expect(analysis.skills.map((s) => s.escoUri)).toContain('http://data.europa.eu/esco/skill/python');
  });
});

describe('health', () => {
  it('names the chat engine: offline unless an LLM endpoint is configured', async () => {
    const h = await fixtureService().health();
    expect(h).toMatchObject({ ok: true, escoVersion: 'v9.9.9', skills: 8, chat: 'offline' });
  });
});
