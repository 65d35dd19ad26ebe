import { z } from 'zod';
import { ModeSchema } from '../catalog/credential-entry.js';

export const SkillRefSchema = z.object({ escoUri: z.string(), label: z.string() });
export type SkillRef = z.infer<typeof SkillRefSchema>;

/** What the learner will accept. Unknown values on an entry (no EQF level, no language) pass unless `strict`. */
export const PlanConstraintsSchema = z.object({
  budget: z.number().nonnegative().optional().describe('Most money to spend in total, in `currency`'),
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR').describe('Currency of the budget and of the plan totals'),
  maxHours: z.number().positive().optional().describe('Most study hours in total'),
  eqfLevel: z.number().int().min(1).max(8).optional().describe('Only credentials at exactly this EQF level'),
  maxEqfLevel: z.number().int().min(1).max(8).optional().describe('Only credentials at or below this EQF level'),
  language: z.string().regex(/^[a-z]{2}$/).optional().describe('Course language (ISO 639-1)'),
  mode: ModeSchema.optional().describe('Form of participation: online, onsite or hybrid'),
  providers: z.array(z.string()).optional().describe('Only these providers or awarding bodies'),
  excludeProviders: z.array(z.string()).optional().describe('Never these providers or awarding bodies'),
  verifiableOnly: z.boolean().default(false).describe('Only credentials issued as verifiable credentials (OB 3.0 / EDC)'),
  strict: z.boolean().default(false).describe('Drop entries whose value for a constrained field is unknown'),
  includeUnpriced: z.boolean().default(false).describe('Keep entries with no known price, counted at `unpricedCost`'),
});
export type PlanConstraints = z.infer<typeof PlanConstraintsSchema>;
export type PlanConstraintsInput = z.input<typeof PlanConstraintsSchema>;

export const PlanItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  cost: z.number(),
  currency: z.string(),
  costEstimated: z.boolean(),
  hours: z.number(),
  hoursEstimated: z.boolean(),
  eqfLevel: z.number().nullable(),
  mode: z.string().nullable(),
  languages: z.array(z.string()),
  verifiable: z.boolean(),
  /** Share of the EU micro-credential elements the entry states (0–1), see assessCompleteness. */
  completeness: z.number(),
  url: z.string().nullable(),
  stackableInto: z.array(z.string()),
  /** Gap skills this credential closes. */
  covers: z.array(SkillRefSchema),
  /** Gap skills no other chosen credential closes: why it is in the plan. */
  onlyThisCloses: z.array(SkillRefSchema),
  why: z.string(),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

export const PlanSummarySchema = z.object({
  label: z.string(),
  itemIds: z.array(z.string()),
  titles: z.array(z.string()),
  totalCost: z.number(),
  totalHours: z.number(),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const PlanSchema = z.object({
  feasible: z.boolean(),
  /** How the plan was found; `optimal` says whether it is proven least cost, then least time. */
  method: z.enum(['milp', 'branch-and-bound', 'greedy', 'none']),
  optimal: z.boolean(),
  currency: z.string(),
  items: z.array(PlanItemSchema),
  totalCost: z.number(),
  totalHours: z.number(),
  covered: z.array(SkillRefSchema),
  /** Gap skills no acceptable credential teaches. */
  uncovered: z.array(SkillRefSchema),
  alternatives: z.array(PlanSummarySchema),
  /** When the limits (budget, hours) rule every plan out: the best plan without them. */
  withoutLimits: PlanSummarySchema.nullable(),
  candidates: z.object({ considered: z.number(), afterFilters: z.number(), afterPruning: z.number() }),
  notes: z.array(z.string()),
});
export type Plan = z.infer<typeof PlanSchema>;
