import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANALYSIS_SCHEMA_VERSION, type PostingAnalysis } from '../../../src/core/analysis.js';
import { registerMatchCandidateCommand } from '../../../src/cli/commands/match-candidate.js';
import { registerVerifyCommand } from '../../../src/cli/commands/verify.js';
import { matchCandidate } from '../../../src/service/match-candidate.js';
import { verifyCredential } from '../../../src/service/verify-credential.js';
import { FIXTURES, fixtureDeps } from '../../helpers/fixture-deps.js';

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const deps = fixtureDeps();
const posting: PostingAnalysis = {
  schemaVersion: ANALYSIS_SCHEMA_VERSION,
  posting: { title: 'Python developer', organisation: null, location: null, language: 'en', url: null, sentenceCount: 3 },
  skills: [
    { escoUri: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', label: 'Python (computer programming)', skillType: 'knowledge', score: 0.9, importance: 'essential', evidence: [], years: null, level: null, channels: ['dense'] },
    { escoUri: 'http://data.europa.eu/esco/skill/sql', label: 'SQL', skillType: 'knowledge', score: 0.8, importance: 'essential', evidence: [], years: null, level: null, channels: ['dense'] },
  ],
  occupations: [],
  implied: [],
  notes: [],
  timings: {},
  model: { embedder: 'test', escoVersion: 'test' },
};
const service = {
  verify: (input: Parameters<typeof verifyCredential>[0]) => verifyCredential(input, deps),
  analyze: async () => posting,
  matchCandidate: (input: Parameters<typeof matchCandidate>[0]) => matchCandidate(input, deps),
};

function program(): Command {
  const p = new Command().exitOverride();
  registerVerifyCommand(p, () => service);
  registerMatchCandidateCommand(p, () => service);
  return p;
}

describe('skillproof verify', () => {
  it('prints the step log in plain words and exits 0 when verified', async () => {
    await program().parseAsync(['node', 'skillproof', 'verify', join(FIXTURES, 'ob3-eddsa-valid.json')]);
    expect(out).toContain('✔ VERIFIED — Python Programming (Open Badges 3.0)');
    expect(out).toMatch(/✔ proof\s+The DataIntegrityProof\/eddsa-rdfc-2022 signature is valid/);
    expect(process.exitCode).toBe(0);
  });

  it('exits 3 for a tampered credential and prints JSON on request', async () => {
    await program().parseAsync(['node', 'skillproof', 'verify', '--json', join(FIXTURES, 'ob3-eddsa-tampered.json')]);
    expect(JSON.parse(out)).toMatchObject({ verified: false, outcome: 'invalid' });
    expect(process.exitCode).toBe(3);
  });

  it('says clearly when the service does not offer verify yet', async () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (errors.push(String(chunk)), true));
    const p = new Command().exitOverride();
    registerVerifyCommand(p, () => ({}));
    await p.parseAsync(['node', 'skillproof', 'verify', join(FIXTURES, 'ob3-eddsa-valid.json')]);
    expect(errors.join('')).toContain('does not offer verify yet');
    expect(process.exitCode).toBe(2);
  });

  it('exits 4 when it could not be checked', async () => {
    await program().parseAsync(['node', 'skillproof', 'verify', join(FIXTURES, 'ob3-unsigned.json')]);
    expect(out).toContain('? COULD NOT BE VERIFIED');
    expect(process.exitCode).toBe(4);
  });
});

describe('skillproof match-candidate', () => {
  it('writes a Markdown report from a saved analysis and credential files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-match-'));
    writeFileSync(join(dir, 'posting.json'), JSON.stringify(posting));
    const report = join(dir, 'report.md');
    await program().parseAsync(['node', 'skillproof', 'match-candidate', '--posting', join(dir, 'posting.json'), '--out', report, join(FIXTURES, 'ob3-eddsa-valid.json'), join(FIXTURES, 'ob3-eddsa-revoked.json')]);
    const md = readFileSync(report, 'utf8');
    expect(md).toContain('Essential requirements backed by verified credentials: 1 of 2 (50%)');
    expect(md).toContain('| Python (computer programming) | essential | ✅ verified | ❌ invalid |');
    expect(md).toContain('- SQL');
  });
});
