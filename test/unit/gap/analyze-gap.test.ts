import { describe, expect, it } from 'vitest';
import { analyzeGap, type SkillHierarchy } from '../../../src/core/gap/analyze-gap.js';
import { HeldSkillSchema } from '../../../src/core/profile/held-skill.js';

// programming ─ narrower → python ; data analysis related to statistics
const u = (s: string) => `http://data.europa.eu/esco/skill/${s}`;
const broader: Record<string, string[]> = { [u('python')]: [u('programming')], [u('programming')]: [u('ict')] };
const related: Record<string, string[]> = { [u('data-analysis')]: [u('statistics')] };
const hierarchy: SkillHierarchy = {
  broader: (x) => broader[x] ?? [],
  narrower: (x) => Object.keys(broader).filter((k) => broader[k]!.includes(x)),
  related: (x) => (related[x] ?? []).map((uri) => ({ uri })),
  label: (x) => x.split('/').pop(),
};
const held = (name: string, verified = false) => HeldSkillSchema.parse({ escoUri: u(name), label: name, source: verified ? 'credential' : 'cv', verified });

describe('analyzeGap', () => {
  const required = [
    { escoUri: u('programming'), label: 'programming', importance: 'essential' as const },
    { escoUri: u('statistics'), label: 'statistics', importance: 'essential' as const },
    { escoUri: u('sql'), label: 'sql', importance: 'essential' as const },
    { escoUri: u('python'), label: 'python', importance: 'optional' as const },
  ];

  it('credits narrower (full), related (partial), separates verified, and the score recomputes from its terms', () => {
    const gap = analyzeGap(required, [held('python', true), held('data-analysis')], hierarchy);
    const by = Object.fromEntries(gap.requirements.map((r) => [r.label, r]));
    expect(by.programming).toMatchObject({ coverage: 1, verifiedCoverage: 1, status: 'covered', match: { relation: 'narrower', verified: true } });
    expect(by.statistics).toMatchObject({ coverage: 0.5, verifiedCoverage: 0, status: 'partial', match: { relation: 'related' } });
    expect(by.sql).toMatchObject({ coverage: 0, status: 'missing', match: null });
    expect(by.python).toMatchObject({ coverage: 1, weight: 0.5, match: { relation: 'exact' } });
    const recomputed = gap.requirements.reduce((s, r) => s + r.weight * r.coverage, 0) / gap.requirements.reduce((s, r) => s + r.weight, 0);
    expect(gap.score).toBeCloseTo(recomputed);
    expect(gap.score).toBeCloseTo((1 + 0.5 + 0 + 0.5) / 3.5);
    expect(gap.verifiedScore).toBeCloseTo((1 + 0.5) / 3.5);
    expect(gap.essentialGap.map((g) => g.label)).toEqual(['statistics', 'sql']);
    expect(gap.formula).toContain('Σ(weight × coverage) / Σ weight');
  });

  it('gives partial credit for a broader held skill and handles empty inputs as values', () => {
    const gap = analyzeGap([{ escoUri: u('python'), label: 'python', importance: 'essential' }], [held('programming')], hierarchy);
    expect(gap.requirements[0]).toMatchObject({ coverage: 0.5, match: { relation: 'broader' } });
    const empty = analyzeGap([], [], hierarchy);
    expect(empty.score).toBe(0);
    expect(empty.notes.length).toBe(2);
  });
});
