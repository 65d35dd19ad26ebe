import { describe, expect, it } from 'vitest';
import { createHighsCoverSolver } from '../../../src/adapters/highs-cover-solver.js';
import { planCredentials } from '../../../src/core/plan/plan-credentials.js';
import { bruteForce, makeEntry, randomInstance, skillUri } from './random-instances.js';

const solver = createHighsCoverSolver();
const gap = [0, 1, 2].map((i) => ({ escoUri: skillUri(i), label: `skill ${i}` }));

describe('planCredentials', () => {
  it.each(['milp', 'branch-and-bound', 'auto'] as const)('%s matches brute force on 200 random small instances (0 worse)', async (exact) => {
    let worse = 0;
    let checked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const inst = randomInstance(seed);
      const want = bruteForce(inst);
      const plan = await planCredentials({ gap: inst.gap, entries: inst.entries, constraints: { budget: inst.budget, maxHours: inst.maxHours }, solver, options: { alternatives: false, exact } });
      if (plan.feasible) expect(plan.method).toBe(exact === 'auto' ? 'branch-and-bound' : exact);
      checked++;
      if (want === null) {
        if (plan.feasible) worse++;
        continue;
      }
      if (!plan.feasible || plan.totalCost !== want.cost || plan.totalHours !== want.hours) {
        worse++;
        console.error(`seed ${seed}: want ${JSON.stringify(want)}, got ${plan.totalCost}/${plan.totalHours} feasible=${plan.feasible}`);
      }
    }
    expect(checked).toBe(200);
    expect(worse).toBe(0);
  });

  it('needs no MILP solver for small models (branch and bound alone)', async () => {
    for (let seed = 1000; seed < 1100; seed++) {
      const inst = randomInstance(seed, 12);
      const want = bruteForce(inst);
      const plan = await planCredentials({ gap: inst.gap, entries: inst.entries, constraints: { budget: inst.budget, maxHours: inst.maxHours }, solver: null, options: { alternatives: false } });
      expect(plan.feasible).toBe(want !== null);
      if (want) expect([plan.totalCost, plan.totalHours]).toEqual([want.cost, want.hours]);
    }
  });

  it('answers an impossible budget with the cheapest plan, as a value', async () => {
    const entries = [
      { entry: makeEntry('a', 49, 10), covers: [gap[0]!.escoUri, gap[1]!.escoUri] },
      { entry: makeEntry('b', 30, 5), covers: [gap[2]!.escoUri] },
    ];
    const plan = await planCredentials({ gap, entries, constraints: { budget: 10 }, solver });
    expect(plan.feasible).toBe(false);
    expect(plan.withoutLimits?.totalCost).toBe(79);
    expect(plan.notes[0]).toBe('No plan under €10: the cheapest plan costs €79 and takes 15 h.');
  });

  it('prefers the cheaper, then the faster, then the stackable plan and explains each item', async () => {
    const entries = [
      { entry: makeEntry('slow', 20, 40), covers: [gap[0]!.escoUri, gap[1]!.escoUri, gap[2]!.escoUri] },
      { entry: makeEntry('fast', 20, 10), covers: [gap[0]!.escoUri, gap[1]!.escoUri, gap[2]!.escoUri] },
      { entry: makeEntry('fast-stack', 20, 10, { stackableInto: ['Data Certificate'] }), covers: gap.map((g) => g.escoUri) },
      { entry: makeEntry('pricey', 200, 2), covers: gap.map((g) => g.escoUri) },
    ];
    const plan = await planCredentials({ gap, entries, solver });
    expect(plan.items.map((i) => i.id)).toEqual(['fast-stack']);
    expect(plan.items[0]!.covers.map((c) => c.label)).toEqual(['skill 0', 'skill 1', 'skill 2']);
    expect(plan.items[0]!.why).toContain('Data Certificate');
    expect(plan.alternatives.map((a) => a.itemIds)).toContainEqual(['pricey']);
  });

  it('reports skills nobody teaches and applies filters', async () => {
    const entries = [
      { entry: makeEntry('fr', 5, 5, { languages: ['fr'] }), covers: [gap[0]!.escoUri] },
      { entry: makeEntry('en', 15, 5, { languages: ['en'], verifiableFormat: 'ob3' }), covers: [gap[0]!.escoUri] },
    ];
    const plan = await planCredentials({ gap, entries, constraints: { language: 'en', verifiableOnly: true }, solver });
    expect(plan.items.map((i) => i.id)).toEqual(['en']);
    expect(plan.uncovered.map((u) => u.label)).toEqual(['skill 1', 'skill 2']);
    expect(plan.notes.join(' ')).toMatch(/left out/);
  });

  it('falls back to greedy for models larger than the solver accepts, and says so', async () => {
    const small = { ...createHighsCoverSolver(), maxColumns: 1 };
    const entries = Array.from({ length: 30 }, (_, j) => ({ entry: makeEntry(`g${j}`, 10 + j, 100 - j), covers: [gap[j % 3]!.escoUri] }));
    const plan = await planCredentials({ gap, entries, solver: small, options: { exact: 'milp' } });
    expect(plan.method).toBe('greedy');
    expect(plan.optimal).toBe(false);
    expect(plan.totalCost).toBe(10 + 11 + 12);
    expect(plan.notes.join(' ')).toMatch(/ln d \+ 1/);
  });
});
