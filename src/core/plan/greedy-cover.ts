import type { CoverModel } from './cover-solver.js';

/**
 * Chvátal's greedy weighted set cover: repeatedly take the column with the least objective per newly covered
 * element. Its cost is at most H(d) ≤ ln d + 1 times the optimum, d = the most elements one column covers.
 * Side limits are not enforced here; the caller checks them. Returns null when some element cannot be covered.
 */
export function greedyCover(model: CoverModel, tieBreak: readonly number[] = []): { chosen: number[]; bound: number } | null {
  const uncovered = new Set<number>();
  for (let e = 0; e < model.elements; e++) uncovered.add(e);
  const chosen: number[] = [];
  const used = new Set<number>();
  let d = 0;
  for (const c of model.columns) d = Math.max(d, c.covers.length);
  while (uncovered.size > 0) {
    let best = -1;
    let bestRatio = Infinity;
    let bestTie = Infinity;
    model.columns.forEach((c, j) => {
      if (used.has(j)) return;
      let gain = 0;
      for (const e of c.covers) if (uncovered.has(e)) gain++;
      if (gain === 0) return;
      const ratio = c.objective / gain;
      const tie = (tieBreak[j] ?? 0) / gain;
      if (ratio < bestRatio || (ratio === bestRatio && tie < bestTie)) {
        best = j;
        bestRatio = ratio;
        bestTie = tie;
      }
    });
    if (best < 0) return null;
    used.add(best);
    chosen.push(best);
    for (const e of model.columns[best]!.covers) uncovered.delete(e);
  }
  let harmonic = 0;
  for (let k = 1; k <= d; k++) harmonic += 1 / k;
  return { chosen, bound: harmonic };
}
