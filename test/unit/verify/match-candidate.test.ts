import { describe, expect, it } from 'vitest';
import { matchCandidate } from '../../../src/core/match/match-candidate.js';
import { MatchMatrixSchema } from '../../../src/core/match/match-matrix.js';
import { renderMatchReport } from '../../../src/core/match/render-match-report.js';
import type { Outcome, Verification } from '../../../src/core/verify/verification.js';

const ESCO = (s: string) => `http://data.europa.eu/esco/skill/${s}`;

function credential(title: string, outcome: Outcome, uris: string[], nested: Verification[] = []): Verification {
  return {
    verified: outcome === 'verified',
    outcome,
    format: 'ob3',
    title,
    issuer: { id: 'did:key:z1', name: 'Academy', trusted: true, registries: ['Test'] },
    subject: null,
    validFrom: null,
    validUntil: null,
    checks: [],
    skills: uris.map((uri) => ({ uri, text: uri.split('/').pop()!, provenance: 'esco_alignment' as const })),
    nested,
    notes: [],
  };
}

// programming → python (narrower); databases → sql (narrower)
const hierarchy = {
  broader: (uri: string) => ({ [ESCO('python')]: [ESCO('programming')], [ESCO('sql')]: [ESCO('databases')] })[uri] ?? [],
};

const requirements = [
  { escoUri: ESCO('programming'), label: 'computer programming', importance: 'essential' as const },
  { escoUri: ESCO('databases'), label: 'databases', importance: 'essential' as const },
  { escoUri: ESCO('git'), label: 'Git', importance: 'optional' as const },
  { escoUri: ESCO('git'), label: 'Git', importance: 'essential' as const },
];

describe('matchCandidate', () => {
  const creds = [
    { label: 'python.json', verification: credential('Python', 'verified', [ESCO('python')]) },
    { label: 'sql.json', verification: credential('SQL', 'unverifiable', [ESCO('sql')]) },
    { label: 'git.json', verification: credential('Git', 'invalid', [ESCO('git')]) },
  ];

  it('fills the matrix with each credential’s outcome and counts only verified evidence', () => {
    const m = matchCandidate(requirements, creds, hierarchy);
    expect(m.rows.map((r) => [r.requirement.label, r.requirement.importance, r.best])).toEqual([
      ['computer programming', 'essential', 'verified'],
      ['databases', 'essential', 'unverifiable'],
      ['Git', 'essential', 'invalid'],
    ]);
    expect(m.rows[0]!.cells[0]).toMatchObject({ status: 'verified', via: 'narrower' });
    expect(m.rows[0]!.cells[1]!.status).toBe('none');
    expect(m.coverage.essential).toEqual({ total: 3, verified: 1, ratio: 1 / 3 });
    expect(m.essentialGaps).toEqual(['databases', 'Git']);
    expect(MatchMatrixSchema.safeParse(m).success).toBe(true);
  });

  it('only matches exact URIs without a hierarchy, and says so', () => {
    const m = matchCandidate(requirements, creds);
    expect(m.rows[0]!.best).toBe('none');
    expect(m.notes.join(' ')).toMatch(/hierarchy/);
  });

  it('gives nested CLR credentials their own columns', () => {
    const clr = credential('Record', 'verified', [], [credential('Python', 'verified', [ESCO('python')])]);
    const m = matchCandidate(requirements, [{ label: 'clr.json', verification: clr }], hierarchy);
    expect(m.columns.map((c) => c.label)).toEqual(['clr.json', 'clr.json › Python']);
    expect(m.rows[0]!.cells.map((c) => c.status)).toEqual(['none', 'verified']);
  });

  it('renders Markdown and JSON reports', () => {
    const m = matchCandidate(requirements, creds, hierarchy);
    const md = renderMatchReport(m, 'markdown', { postingTitle: 'Data engineer', generatedAt: '2026-06-01' });
    expect(md).toContain('Essential requirements backed by verified credentials: 1 of 3 (33%)');
    expect(md).toContain('| computer programming | essential | ✅ verified (via python) | — | — |');
    expect(md).toContain('## Essential requirements without verified evidence');
    const json = JSON.parse(renderMatchReport(m, 'json', { postingTitle: 'Data engineer' }));
    expect(json).toMatchObject({ schemaVersion: '1.0', meta: { postingTitle: 'Data engineer' } });
    expect(json.matrix.rows).toHaveLength(3);
  });
});

describe('createVerificationUseCases', () => {
  it('verifies and matches through one object, loading the hierarchy lazily', async () => {
    const { createVerificationUseCases } = await import('../../../src/service/verification-use-cases.js');
    const { fixtureBytes, fixtureDeps } = await import('../../helpers/fixture-deps.js');
    let loaded = 0;
    const useCases = createVerificationUseCases({ ...fixtureDeps(), hierarchy: async () => (loaded++, hierarchy) });
    expect((await useCases.verify({ bytes: fixtureBytes('ob3-eddsa-valid.json') })).verified).toBe(true);
    expect(loaded).toBe(0);
    const posting = {
      schemaVersion: '1.0' as const,
      posting: { title: 'Dev', organisation: null, location: null, language: 'en', url: null, sentenceCount: 1 },
      skills: [{ escoUri: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', label: 'Python', skillType: 'knowledge' as const, score: 1, importance: 'essential' as const, evidence: [], years: null, level: null, channels: [] }],
      occupations: [],
      implied: [],
      notes: [],
      timings: {},
      model: { embedder: 'x', escoVersion: 'x' },
    };
    const { matrix } = await useCases.matchCandidate({ posting, credentials: [{ label: 'a.json', bytes: fixtureBytes('ob3-eddsa-valid.json') }] });
    expect(loaded).toBe(1);
    expect(matrix.coverage.essential).toMatchObject({ total: 1, verified: 1 });
  });
});

describe('MatchCandidateRequestSchema', () => {
  it('accepts a posting and credentials as text, url, json or base64, and maps them to the use case input', async () => {
    const { MatchCandidateRequestSchema, matchCandidateRequest } = await import('../../../src/core/match/match-candidate-request.js');
    const posting = {
      schemaVersion: '1.0',
      posting: { title: null, organisation: null, location: null, language: 'en', url: null, sentenceCount: 0 },
      skills: [],
      occupations: [],
      implied: [],
      notes: [],
      timings: {},
      model: { embedder: 'x', escoVersion: 'x' },
    };
    const parsed = MatchCandidateRequestSchema.safeParse({ posting, credentials: [{ credential: { base64: btoa('{"a":1}') } }, { label: 'b', credential: { url: 'https://x.test/b.json' } }] });
    expect(parsed.success).toBe(true);
    const input = matchCandidateRequest(parsed.data!);
    expect(input.credentials[0]!.label).toBe('credential 1');
    expect(new TextDecoder().decode(input.credentials[0]!.bytes)).toBe('{"a":1}');
    expect(input.credentials[1]).toMatchObject({ label: 'b', url: 'https://x.test/b.json' });
    expect(MatchCandidateRequestSchema.safeParse({ posting, credentials: [{ credential: { text: 'a', url: 'https://x.test' } }] }).success).toBe(false);
  });
});
