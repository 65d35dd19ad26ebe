import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../../src/adapters/hashing-embedder.js';
import { PostingAnalysisSchema } from '../../../src/core/analysis.js';
import { loadConfig } from '../../../src/service/config.js';
import { createService } from '../../../src/service/create-service.js';
import { writeEscoMini } from '../../fixtures/esco-mini.js';

const S = 'http://data.europa.eu/esco/skill/';

function fixtureService() {
  const root = join(__dirname, '..', '..', '..');
  const config = {
    ...loadConfig({ SKILLPROOF_ESCO_DIR: writeEscoMini(), SKILLPROOF_CACHE_DIR: mkdtempSync(join(tmpdir(), 'sp-an-')) }, root),
    modelsDir: null,
  };
  const fake = createHashingEmbedder(256);
  return createService({ config, embedders: { primary: fake, multilingual: fake } });
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
