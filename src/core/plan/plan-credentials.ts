import type { CredentialEntry } from '../catalog/credential-entry.js';
import type { CoverSolver } from './cover-solver.js';
import { explainItems, formatMoney, summarize } from './explain-plan.js';
import { prepareCandidates, type Candidate, type PrepareOptions } from './prepare-candidates.js';
import { pruneDominated } from './prune-dominated.js';
import { PlanConstraintsSchema, type Plan, type PlanConstraintsInput, type SkillRef } from './plan-types.js';
import { solveLexicographic } from './solve-lexicographic.js';

export interface PlanInput {
  /** The gap skills to close (usually the essential gap). */
  gap: readonly SkillRef[];
  /** Catalogue entries with the gap-skill URIs each one closes (hierarchy already applied by the caller). */
  entries: readonly { entry: CredentialEntry; covers: readonly string[] }[];
  constraints?: PlanConstraintsInput;
  /** Exact MILP solver for searches too big for branch and bound; null → greedy for those. */
  solver: CoverSolver | null;
  options?: PrepareOptions & { alternatives?: boolean; exact?: 'auto' | 'milp' | 'branch-and-bound' };
}

/**
 * Choose the credentials that close the gap at least cost, then least time, under the learner's constraints,
 * preferring stackable ones on ties. Impossible constraints come back as `feasible: false` with the best plan
 * without the limits, never as an exception.
 */
export async function planCredentials(input: PlanInput): Promise<Plan> {
  const c = PlanConstraintsSchema.parse(input.constraints ?? {});
  const notes: string[] = [];
  const index = new Map(input.gap.map((s, i) => [s.escoUri, i]));
  const withIdx = input.entries.map(({ entry, covers }) => ({ entry, covers: covers.map((u) => index.get(u)).filter((i): i is number => i !== undefined) }));
  const { candidates, dropped } = prepareCandidates(withIdx, c, input.options);
  for (const [reason, n] of Object.entries(dropped)) notes.push(`${n} credential(s) left out: ${reason}.`);
  const pruned = pruneDominated(candidates);
  const coverable = new Set(pruned.flatMap((p) => p.covers));
  const uncovered = input.gap.filter((_, i) => !coverable.has(i));
  const targets = input.gap.map((_, i) => i).filter((i) => coverable.has(i));
  if (uncovered.length > 0) notes.push(`No acceptable credential in the catalogue teaches: ${uncovered.map((s) => s.label).join(', ')}.`);
  // Renumber to the coverable skills only, so the model is always feasible without limits.
  const renum = new Map(targets.map((g, k) => [g, k]));
  const model: Candidate[] = pruned.map((p) => ({ ...p, covers: p.covers.map((g) => renum.get(g)!) }));
  const back = (chosen: readonly number[]) => chosen.map((j) => ({ ...model[j]!, covers: model[j]!.covers.map((k) => targets[k]!) }));
  const base = {
    currency: c.currency,
    uncovered,
    candidates: { considered: input.entries.length, afterFilters: candidates.length, afterPruning: pruned.length },
  };
  if (targets.length === 0) {
    if (input.gap.length === 0) notes.push('Nothing to close: the profile already covers the gap.');
    return { ...base, feasible: input.gap.length === 0, method: 'none', optimal: true, items: [], totalCost: 0, totalHours: 0, covered: [], alternatives: [], withoutLimits: null, notes };
  }
  const limits = {
    maxCostCents: c.budget !== undefined ? Math.round(c.budget * 100) : undefined,
    maxHoursTenths: c.maxHours !== undefined ? Math.round(c.maxHours * 10) : undefined,
  };
  const exact = input.options?.exact ?? 'auto';
  const main = await solveLexicographic(model, targets.length, input.solver, { ...limits, exact });
  if (main.method === 'greedy') notes.push(`Greedy plan (catalogue too large for the exact solver): its cost is at most ${main.bound?.toFixed(2)} × the optimum (H(d) ≤ ln d + 1).`);
  if (main.status === 'infeasible') {
    const free = await solveLexicographic(model, targets.length, input.solver, { exact });
    const best = summarize('cheapest plan without your limits', back(free.chosen));
    const asked = [c.budget !== undefined ? `under ${formatMoney(c.budget, c.currency)}` : '', c.maxHours !== undefined ? `within ${c.maxHours} h` : ''].filter(Boolean).join(' and ');
    notes.unshift(`No plan ${asked}: the cheapest plan costs ${formatMoney(best.totalCost, c.currency)} and takes ${best.totalHours} h.`);
    return { ...base, feasible: false, method: free.method, optimal: free.optimal, items: [], totalCost: 0, totalHours: 0, covered: [], alternatives: [], withoutLimits: best, notes };
  }
  const chosen = back(main.chosen);
  const items = explainItems(chosen, input.gap, c.currency);
  const alternatives = input.options?.alternatives === false ? [] : await findAlternatives(model, targets.length, input.solver, { ...limits, exact }, main.chosen, back);
  if (uncovered.length > 0) notes.push('The plan closes every gap skill the catalogue can; the rest need another route (experience, a project, another provider).');
  return {
    ...base,
    feasible: true,
    method: main.method,
    optimal: main.optimal,
    items,
    totalCost: summarize('', chosen).totalCost,
    totalHours: summarize('', chosen).totalHours,
    covered: [...new Set(chosen.flatMap((x) => x.covers))].sort((a, b) => a - b).map((i) => input.gap[i]!),
    alternatives,
    withoutLimits: null,
    notes,
  };
}

async function findAlternatives(
  model: readonly Candidate[],
  elements: number,
  solver: CoverSolver | null,
  limits: { maxCostCents?: number; maxHoursTenths?: number; exact?: 'auto' | 'milp' | 'branch-and-bound' },
  chosen: readonly number[],
  back: (c: readonly number[]) => Candidate[],
): Promise<Plan['alternatives']> {
  const out: Plan['alternatives'] = [];
  const key = (ids: readonly string[]) => [...ids].sort().join('|');
  const seen = new Set([key(chosen.map((j) => model[j]!.entry.id))]);
  const add = (label: string, picked: readonly number[]) => {
    const s = summarize(label, back(picked));
    if (seen.has(key(s.itemIds))) return;
    seen.add(key(s.itemIds));
    out.push(s);
  };
  const fast = await solveLexicographic(model, elements, solver, { ...limits, hoursFirst: true });
  if (fast.status === 'found') add('fastest', fast.chosen);
  // Next best without the plan's most expensive item.
  const priciest = [...chosen].sort((a, b) => model[b]!.costCents - model[a]!.costCents)[0];
  if (priciest !== undefined) {
    const rest = model.map((_, j) => j).filter((j) => j !== priciest);
    const r = await solveLexicographic(rest.map((j) => model[j]!), elements, solver, limits);
    if (r.status === 'found') add(`without ${model[priciest]!.entry.title}`, r.chosen.map((k) => rest[k]!));
  }
  return out;
}
