import { CredentialEntrySchema, type CredentialEntry } from '../../../src/core/catalog/credential-entry.js';
import type { SkillRef } from '../../../src/core/plan/plan-types.js';

// Every failing instance can be replayed from its seed.
import { seededRandom as rng } from '../../../src/core/seeded-random.js';

export { rng };

export interface Instance {
  gap: SkillRef[];
  entries: { entry: CredentialEntry; covers: string[] }[];
  budget?: number;
  maxHours?: number;
}

export const skillUri = (i: number) => `http://data.europa.eu/esco/skill/test-${i}`;

export function makeEntry(id: string, cost: number, hours: number, extra: Partial<CredentialEntry> = {}): CredentialEntry {
  return CredentialEntrySchema.parse({
    id,
    title: `Credential ${id}`,
    provider: 'Test Academy',
    cost: { amount: cost, currency: 'EUR', free: cost === 0 },
    workload: { hours, ects: null },
    ...extra,
  });
}

/** A random instance: up to `maxItems` credentials over up to 6 gap skills; small integer prices so ties happen. */
export function randomInstance(seed: number, maxItems = 12): Instance {
  const r = rng(seed);
  const m = 1 + Math.floor(r() * 6);
  const n = 2 + Math.floor(r() * (maxItems - 1));
  const gap = Array.from({ length: m }, (_, i) => ({ escoUri: skillUri(i), label: `skill ${i}` }));
  const entries = Array.from({ length: n }, (_, j) => {
    const covers = gap.filter(() => r() < 0.35).map((g) => g.escoUri);
    if (covers.length === 0) covers.push(gap[Math.floor(r() * m)]!.escoUri);
    const cost = r() < 0.15 ? 0 : [9, 19, 29, 39, 49, 79, 99][Math.floor(r() * 7)]!;
    const hours = [4, 8, 10, 12, 20, 40][Math.floor(r() * 6)]!;
    return { entry: makeEntry(`c${j}`, cost, hours, r() < 0.2 ? { stackableInto: ['Big Certificate'] } : {}), covers };
  });
  const inst: Instance = { gap, entries };
  if (r() < 0.4) inst.budget = Math.floor(r() * 150);
  if (r() < 0.3) inst.maxHours = 5 + Math.floor(r() * 60);
  return inst;
}

/** Best (cost, hours) over every subset, covering all gap skills some entry covers; null when the limits rule all out. */
export function bruteForce(inst: Instance): { cost: number; hours: number } | null {
  const coverable = new Set(inst.entries.flatMap((e) => e.covers));
  const n = inst.entries.length;
  let best: { cost: number; hours: number } | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    let cost = 0;
    let hours = 0;
    const got = new Set<string>();
    for (let j = 0; j < n; j++) {
      if (!(mask & (1 << j))) continue;
      const e = inst.entries[j]!;
      cost += e.entry.cost!.amount;
      hours += e.entry.workload.hours!;
      e.covers.forEach((u) => got.add(u));
    }
    if (got.size !== coverable.size) continue;
    if (inst.budget !== undefined && cost > inst.budget) continue;
    if (inst.maxHours !== undefined && hours > inst.maxHours) continue;
    if (!best || cost < best.cost || (cost === best.cost && hours < best.hours)) best = { cost, hours };
  }
  return best;
}
