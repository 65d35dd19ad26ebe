/**
 * A 0/1 set-cover model: choose columns so every element is covered at least once, every limit holds, and the sum
 * of objective coefficients is least. Coefficients are integers (cents, tenths of hours) so optima are exact.
 */
export interface CoverModel {
  elements: number;
  columns: readonly { objective: number; covers: readonly number[] }[];
  /** Side constraints Σ coefficients[j]·x_j ≤ max. */
  limits: readonly { coefficients: readonly number[]; max: number }[];
}

export interface CoverSolution {
  /** `limit`: stopped early (time/size); `chosen` is the best found, possibly not optimal. */
  status: 'optimal' | 'infeasible' | 'limit';
  chosen: number[];
}

/**
 * An exact 0/1 solver for `CoverModel` (an adapter wraps a MILP library, e.g. HiGHS).
 * Contract: `optimal` means no feasible choice has a smaller objective; `infeasible` means none exists.
 */
export interface CoverSolver {
  readonly name: string;
  /** Largest number of columns the solver should be given; bigger models go to the greedy fallback. */
  readonly maxColumns: number;
  solve(model: CoverModel): Promise<CoverSolution>;
}

/** Objective value and feasibility of a choice (shared by solvers and tests). */
export function evaluateChoice(model: CoverModel, chosen: readonly number[]): { feasible: boolean; objective: number } {
  const covered = new Set<number>();
  let objective = 0;
  for (const j of chosen) {
    objective += model.columns[j]!.objective;
    for (const e of model.columns[j]!.covers) covered.add(e);
  }
  const limitsOk = model.limits.every((l) => chosen.reduce((s, j) => s + (l.coefficients[j] ?? 0), 0) <= l.max);
  return { feasible: covered.size === model.elements && limitsOk, objective };
}
