import type { Candidate } from './prepare-candidates.js';

const isSubset = (a: readonly number[], b: readonly number[]): boolean => {
  // Both sorted ascending.
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x) j++;
    if (j === b.length || b[j] !== x) return false;
  }
  return true;
};

const stackable = (c: Candidate) => (c.entry.stackableInto.length > 0 ? 1 : 0);

/**
 * Drop candidates another one beats outright: it closes the same gap skills or more, costs no more, takes no
 * longer, and is no less stackable. Such a candidate can never be needed in an optimal plan, and dropping it
 * keeps the model small. Exact ties keep the smaller id.
 */
export function pruneDominated(cands: readonly Candidate[]): Candidate[] {
  const better = (k: Candidate, c: Candidate) => k.costCents <= c.costCents && k.hoursTenths <= c.hoursTenths && stackable(k) >= stackable(c);
  const byOrder = (a: Candidate, b: Candidate) => a.costCents - b.costCents || a.hoursTenths - b.hoursTenths || stackable(b) - stackable(a) || a.entry.id.localeCompare(b.entry.id);
  // First within groups closing exactly the same skills (most candidates close one or two): a Pareto front each.
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const key = c.covers.join(',');
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const fronts: Candidate[] = [];
  for (const g of groups.values()) {
    const kept: Candidate[] = [];
    for (const c of g.sort(byOrder)) if (!kept.some((k) => better(k, c))) kept.push(c);
    fronts.push(...kept);
  }
  // Then across groups: a candidate closing a superset of the skills, no dearer, no longer, no less stackable wins.
  const order = fronts.sort((a, b) => b.covers.length - a.covers.length || byOrder(a, b));
  const kept: Candidate[] = [];
  for (const c of order) {
    if (!kept.some((k) => k.covers.length > c.covers.length && better(k, c) && isSubset(c.covers, k.covers))) kept.push(c);
  }
  return kept;
}
