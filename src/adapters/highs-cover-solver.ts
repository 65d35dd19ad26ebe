import highsLoader from 'highs';
import type { CoverModel, CoverSolution, CoverSolver } from '../core/plan/cover-solver.js';
import { SkillProofError } from '../core/errors.js';

/** The MILP solver failed for a reason other than infeasibility (a bug or a broken model). */
export class SolverError extends SkillProofError {}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loading: Promise<Highs> | null = null;

/** Write a linear expression, a few terms per line (LP-format readers dislike very long lines). */
function expr(terms: readonly [number, string][]): string {
  const parts = terms.filter(([c]) => c !== 0).map(([c, v], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${Math.abs(c)} ${v}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 12) lines.push(parts.slice(i, i + 12).join(' '));
  return lines.join('\n ') || '0 x0';
}

/** The model in CPLEX LP format, columns x0…, cover rows e0…, limit rows l0…. */
export function toLpFormat(m: CoverModel): string {
  const byElement: string[][] = Array.from({ length: m.elements }, () => []);
  m.columns.forEach((c, j) => c.covers.forEach((e) => byElement[e]?.push(`x${j}`)));
  const rows = byElement.map((vars, e) => ` e${e}: ${vars.length ? expr(vars.map((v) => [1, v])) : '0 x0'} >= 1`);
  m.limits.forEach((l, k) => rows.push(` l${k}: ${expr(l.coefficients.map((c, j) => [c, `x${j}`]))} <= ${l.max}`));
  const vars = m.columns.map((_, j) => `x${j}`);
  const bin: string[] = [];
  for (let i = 0; i < vars.length; i += 20) bin.push(' ' + vars.slice(i, i + 20).join(' '));
  return ['Minimize', ` obj: ${expr(m.columns.map((c, j) => [c.objective, `x${j}`]))}`, 'Subject To', ...rows, 'Binary', ...bin, 'End', ''].join('\n');
}

export interface HighsSolverOptions {
  /** Seconds per solve before returning the best plan found (default 5). */
  timeLimit?: number;
  maxColumns?: number;
}

/** Exact 0/1 set cover with HiGHS (WASM, loaded once on first use). */
export function createHighsCoverSolver(options: HighsSolverOptions = {}): CoverSolver {
  return {
    name: 'highs',
    maxColumns: options.maxColumns ?? 5000,
    async solve(model: CoverModel): Promise<CoverSolution> {
      if (model.columns.length === 0) return { status: model.elements === 0 ? 'optimal' : 'infeasible', chosen: [] };
      loading ??= highsLoader();
      const highs = await loading;
      let r;
      try {
        r = highs.solve(toLpFormat(model), { mip_rel_gap: 0, time_limit: options.timeLimit ?? 5, output_flag: false, log_to_console: false });
      } catch (cause) {
        throw new SolverError('solver_failed', 'The MILP solver could not read the plan model. Report this as a bug; planning falls back to greedy only if you pass no solver.', { cause });
      }
      if (r.Status === 'Infeasible' || r.Status === 'Primal infeasible or unbounded') return { status: 'infeasible', chosen: [] };
      const chosen = model.columns.map((_, j) => j).filter((j) => ((r.Columns[`x${j}`] as { Primal?: number } | undefined)?.Primal ?? 0) > 0.5);
      if (r.Status === 'Optimal') return { status: 'optimal', chosen };
      if (r.Status === 'Time limit reached' && chosen.length > 0) return { status: 'limit', chosen };
      throw new SolverError('solver_status', `The MILP solver stopped with status "${r.Status}". Try a smaller catalogue or fewer constraints.`);
    },
  };
}
