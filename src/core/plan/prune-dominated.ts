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
  const order = [...cands].sort((a, b) => b.covers.length - a.covers.length || a.costCents - b.costCents || a.hoursTenths - b.hoursTenths || a.entry.id.localeCompare(b.entry.id));
  const kept: Candidate[] = [];
  for (const c of order) {
    const beaten = kept.some(
      (k) => k.costCents <= c.costCents && k.hoursTenths <= c.hoursTenths && stackable(k) >= stackable(c) && k.covers.length >= c.covers.length && isSubset(c.covers, k.covers),
    );
    if (!beaten) kept.push(c);
  }
  return kept;
}
