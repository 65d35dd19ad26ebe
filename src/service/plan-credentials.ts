import { z } from 'zod';
import type { CredentialEntry } from '../core/catalog/credential-entry.js';
import { InputError } from '../core/errors.js';
import { analyzeGap, type SkillHierarchy } from '../core/gap/analyze-gap.js';
import { GapSchema, type Gap } from '../core/gap/gap-types.js';
import type { CoverSolver } from '../core/plan/cover-solver.js';
import { planCredentials as planCore } from '../core/plan/plan-credentials.js';
import { PlanConstraintsSchema, SkillRefSchema, type Plan, type PlanConstraints, type SkillRef } from '../core/plan/plan-types.js';
import { DEFAULT_EUR_RATES } from '../core/plan/prepare-candidates.js';
import type { CredentialCatalog } from '../ports/credential-catalog.js';
import { GapInputSchema, gapSides, type GapDeps } from './gap.js';

export const PlanRequestSchema = GapInputSchema.partial({ includeImplied: true }).extend({
  gap: GapSchema.optional().describe('A gap already computed'),
  gapSkills: z.array(SkillRefSchema).optional().describe('Skills to close, given directly'),
  constraints: PlanConstraintsSchema.optional().describe('Budget, hours, EQF level, language, mode, providers, verifiable-only'),
  scope: z.enum(['essential', 'all']).default('essential').describe('Close the essential gap only, or optional skills too'),
  minConfidence: z.number().min(0).max(1).default(0.8).describe('Ignore inferred catalogue skills below this confidence'),
});
export type PlanRequest = z.input<typeof PlanRequestSchema>;

export interface PlanDeps extends GapDeps {
  catalog: CredentialCatalog;
  /** Exact MILP solver (HiGHS adapter) for searches too big for branch and bound; null → greedy for those. */
  solver: CoverSolver | null;
}

export interface PlanReport {
  plan: Plan;
  gap: Gap | null;
}

const DESCENT_DEPTH = 3;
const MAX_DESCENDANTS = 400;

/** The skill and the narrower skills under it: a credential teaching any of them closes the requirement. */
function closure(h: SkillHierarchy, uri: string): string[] {
  const out = new Set([uri]);
  let frontier = [uri];
  for (let d = 0; d < DESCENT_DEPTH && frontier.length > 0 && out.size < MAX_DESCENDANTS; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const n of h.narrower(u)) {
        if (out.has(n)) continue;
        out.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return [...out];
}

/** Catalogue entries that close at least one gap skill, with the gap skills each closes. */
export async function coverage(gapSkills: readonly SkillRef[], h: SkillHierarchy, catalog: CredentialCatalog, minConfidence: number, constraints?: PlanConstraints): Promise<{ entry: CredentialEntry; covers: string[] }[]> {
  const owner = new Map<string, Set<string>>();
  for (const g of gapSkills) {
    for (const u of closure(h, g.escoUri)) {
      let s = owner.get(u);
      if (!s) owner.set(u, (s = new Set()));
      s.add(g.escoUri);
    }
  }
  // A catalogue that can filter and prune in its own query (a database) sends only the entries worth planning with.
  const index = new Map(gapSkills.map((g, i) => [g.escoUri, i]));
  const entries =
    catalog.planCandidates && constraints
      ? await catalog.planCandidates({ owners: new Map([...owner].map(([u, gs]) => [u, [...gs].map((g) => index.get(g)!)])), minConfidence, constraints, rates: DEFAULT_EUR_RATES })
      : await catalog.lookupBySkills([...owner.keys()], { minConfidence });
  return entries.map((entry) => {
    const covers = new Set<string>();
    for (const s of entry.skills) {
      if (s.provenance === 'inferred' && s.confidence < minConfidence) continue;
      for (const g of owner.get(s.uri) ?? []) covers.add(g);
    }
    return { entry, covers: [...covers] };
  });
}

/** Plan the credentials that close a gap at least cost, then time, under the learner's constraints. */
export async function planCredentials(input: PlanRequest, deps: PlanDeps): Promise<PlanReport> {
  const parsed = PlanRequestSchema.safeParse(input);
  if (!parsed.success) throw new InputError('invalid_plan_input', `Plan request is invalid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`);
  const req = parsed.data;
  let gap: Gap | null = req.gap ?? null;
  let skills: SkillRef[];
  if (req.gapSkills) skills = req.gapSkills;
  else {
    if (!gap) {
      const sides = await gapSides({ ...req, includeImplied: req.includeImplied ?? false }, deps);
      gap = analyzeGap(sides.required, sides.profile.skills, deps.hierarchy);
    }
    skills = (req.scope === 'all' ? [...gap.essentialGap, ...gap.optionalGap] : gap.essentialGap).map((s) => ({ escoUri: s.escoUri, label: s.label }));
  }
  const entries = await coverage(skills, deps.hierarchy, deps.catalog, req.minConfidence, PlanConstraintsSchema.parse(req.constraints ?? {}));
  const plan = await planCore({ gap: skills, entries, constraints: req.constraints, solver: deps.solver });
  return { plan, gap };
}
