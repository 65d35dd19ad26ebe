import { evaluateChoice, type CoverModel, type CoverSolver } from './cover-solver.js';
import { branchAndBound } from './branch-and-bound.js';
import { greedyCover } from './greedy-cover.js';
import type { Candidate } from './prepare-candidates.js';

export interface LexResult {
  status: 'found' | 'infeasible';
  chosen: number[];
  method: 'milp' | 'branch-and-bound' | 'greedy';
  optimal: boolean;
  /** Greedy only: the H(d) factor its cost is within. */
  bound: number | null;
}

export interface LexOptions {
  maxCostCents?: number;
  maxHoursTenths?: number;
  /** Minimise hours first, then cost (the "fastest" alternative). */
  hoursFirst?: boolean;
  /** `auto`: branch and bound, then the MILP solver if the search is too big; or force one of them. */
  exact?: 'auto' | 'milp' | 'branch-and-bound';
}

const NODE_LIMIT = 100_000;

/**
 * Least cost, then least time, then most stackable items. Exact by branch and bound when the search stays small
 * (the usual case after pruning); otherwise exact in stages with the injected MILP solver (each stage fixes the
 * optimum of the one before as a limit); greedy when the model is larger than the solver accepts or there is none.
 */
export async function solveLexicographic(cands: readonly Candidate[], elements: number, solver: CoverSolver | null, o: LexOptions = {}): Promise<LexResult> {
  const cost = cands.map((c) => c.costCents);
  const hours = cands.map((c) => c.hoursTenths);
  const stack = cands.map((c) => (c.entry.stackableInto.length > 0 ? -1 : 0));
  const [first, second] = o.hoursFirst ? [hours, cost] : [cost, hours];
  const covers = cands.map((c) => c.covers);
  const limits: CoverModel['limits'][number][] = [];
  if (o.maxCostCents !== undefined) limits.push({ coefficients: cost, max: o.maxCostCents });
  if (o.maxHoursTenths !== undefined) limits.push({ coefficients: hours, max: o.maxHoursTenths });
  const model = (objective: readonly number[], extra: CoverModel['limits'][number][]): CoverModel => ({
    elements,
    columns: objective.map((v, j) => ({ objective: v, covers: covers[j]! })),
    limits: [...limits, ...extra],
  });
  if (o.exact !== 'milp') {
    const bb = branchAndBound(cands, elements, { ...o, nodeLimit: o.exact === 'branch-and-bound' ? Infinity : NODE_LIMIT });
    if (bb.status === 'optimal') return { status: 'found', chosen: bb.chosen, method: 'branch-and-bound', optimal: true, bound: null };
    if (bb.status === 'infeasible') return { status: 'infeasible', chosen: [], method: 'branch-and-bound', optimal: true, bound: null };
  }
  const exact = solver && cands.length <= solver.maxColumns ? solver : null;
  if (!exact) {
    const g = greedyCover(model(first, []), second);
    if (!g || !evaluateChoice(model(first, []), g.chosen).feasible) return { status: 'infeasible', chosen: [], method: 'greedy', optimal: false, bound: g?.bound ?? null };
    return { status: 'found', chosen: g.chosen, method: 'greedy', optimal: false, bound: g.bound };
  }
  const method = 'milp';
  const sum = (v: readonly number[], chosen: readonly number[]) => chosen.reduce((s, j) => s + v[j]!, 0);
  const s1 = await exact.solve(model(first, []));
  if (s1.status === 'infeasible' || s1.chosen.length === 0 && elements > 0) return { status: 'infeasible', chosen: [], method, optimal: s1.status === 'infeasible', bound: null };
  let best = s1.chosen;
  let optimal = s1.status === 'optimal';
  const fix1 = { coefficients: first, max: sum(first, best) };
  const s2 = await exact.solve(model(second, [fix1]));
  if (s2.status !== 'infeasible' && s2.chosen.length > 0) best = s2.chosen;
  optimal &&= s2.status === 'optimal';
  if (stack.some((v) => v < 0)) {
    const fix2 = { coefficients: second, max: sum(second, best) };
    const s3 = await exact.solve(model(stack, [fix1, fix2]));
    if (s3.status !== 'infeasible' && s3.chosen.length > 0) best = s3.chosen;
  }
  return { status: 'found', chosen: [...best].sort((a, b) => a - b), method, optimal, bound: null };
}
