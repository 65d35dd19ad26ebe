import { evaluateChoice, type CoverModel, type CoverSolution, type CoverSolver } from './cover-solver.js';

/** Exact solver by trying every subset: only for tiny models (≤ 20 columns), and as a no-dependency fallback. */
export const enumerateCover: CoverSolver = {
  name: 'enumeration',
  maxColumns: 20,
  async solve(model: CoverModel): Promise<CoverSolution> {
    const n = model.columns.length;
    if (n > 24) return { status: 'limit', chosen: [] };
    let best: { objective: number; chosen: number[] } | null = null;
    for (let mask = 0; mask < 1 << n; mask++) {
      const chosen: number[] = [];
      for (let j = 0; j < n; j++) if (mask & (1 << j)) chosen.push(j);
      const r = evaluateChoice(model, chosen);
      if (r.feasible && (!best || r.objective < best.objective)) best = { objective: r.objective, chosen };
    }
    return best ? { status: 'optimal', chosen: best.chosen } : { status: 'infeasible', chosen: [] };
  },
};
