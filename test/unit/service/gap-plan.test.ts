import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileSchema } from '../../../src/core/profile/profile.js';
import { URI, exampleAnalysis, testUseCases } from './credential-fakes.js';

const profile = ProfileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'profiles', 'example-profile.json'), 'utf8')));

describe('gap and plan use cases on the starter catalogue', () => {
  it('gap: example posting × example profile', async () => {
    const uc = testUseCases();
    const r = await uc.gap({ analysis: exampleAnalysis(), profile });
    expect(r.gap.essentialGap.map((g) => g.label).sort()).toEqual(['Python (computer programming)', 'statistics', 'visual presentation techniques']);
    expect(r.gap.requirements.find((q) => q.escoUri === URI.sql)).toMatchObject({ coverage: 1, verifiedCoverage: 1 });
    expect(r.gap.score).toBeCloseTo(2 / 6);
    expect(r.posting?.title).toBe('Junior Data Analyst');
  });

  it('plan: closes the essential gap at least cost, then time, and explains each item', async () => {
    const uc = testUseCases();
    const { plan } = await uc.plan({ posting: { text: 'any' }, profile });
    expect(plan.feasible).toBe(true);
    expect(plan.optimal).toBe(true);
    expect(plan.uncovered).toEqual([]);
    expect(plan.covered.map((c) => c.escoUri).sort()).toEqual([URI.python, URI.statistics, URI.visual].sort());
    // Free freeCodeCamp "Data Analysis with Python" closes Python + statistics; visual presentation needs a paid item.
    expect(plan.items.map((i) => i.id)).toContain('freecodecamp-data-analysis-python');
    for (const it of plan.items) expect(it.covers.length).toBeGreaterThan(0);
    expect(plan.alternatives.length).toBeGreaterThan(0);
  });

  it('plan: an impossible budget answers with the cheapest plan; constraints filter', async () => {
    const uc = testUseCases();
    const { plan } = await uc.plan({ analysis: exampleAnalysis(), profile, constraints: { budget: 10 } });
    expect(plan.feasible).toBe(false);
    expect(plan.notes[0]).toMatch(/^No plan under €10: the cheapest plan costs €\d+/);
    const verifiable = await uc.plan({ analysis: exampleAnalysis(), profile, constraints: { verifiableOnly: true } });
    expect(verifiable.plan.items).toEqual([]);
    expect(verifiable.plan.uncovered.length).toBe(3);
  });

  it('gap without a stored profile says how to create one', async () => {
    await expect(testUseCases().gap({ analysis: exampleAnalysis() })).rejects.toMatchObject({ code: 'profile_missing' });
  });
});
