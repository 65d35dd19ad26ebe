import { z } from 'zod';
import type { SkillProofService } from '../service/service-types.js';

/**
 * The capabilities that later issues add to `SkillProofService` (gap, plan, verify, matchCandidate).
 * Until they land on the interface, front ends look them up here; the shapes below are what the agent and the
 * server assume. When the real schemas land, replace the provisional schema in `CAPABILITY_INPUTS` (one line each)
 * and, if the result shape differs, the matching `…ResultSchema`.
 */
export const CAPABILITY_NAMES = ['gap', 'plan', 'verify', 'matchCandidate'] as const;
export type CapabilityName = (typeof CAPABILITY_NAMES)[number];
export type CapabilityFn = (input: unknown) => Promise<unknown>;

export const SkillRefSchema = z.object({ escoUri: z.string().max(500), label: z.string().max(500) }).passthrough();
export type SkillRef = z.infer<typeof SkillRefSchema>;

export const PlanConstraintsSchema = z.object({
  budget: z.number().nonnegative().optional().describe('Most money to spend in total (EUR)'),
  maxHours: z.number().positive().optional().describe('Most study hours in total'),
  eqfLevel: z.number().int().min(1).max(8).optional().describe('Wanted EQF level (1–8)'),
  language: z.string().regex(/^[a-z]{2}$/).optional().describe('Course language (ISO 639-1)'),
  mode: z.enum(['online', 'onsite', 'hybrid']).optional().describe('Form of participation'),
  providers: z.array(z.string()).optional().describe('Only these providers'),
  excludeProviders: z.array(z.string()).optional().describe('Never these providers'),
  verifiableOnly: z.boolean().optional().describe('Only credentials issued as verifiable credentials'),
});
export type PlanConstraints = z.infer<typeof PlanConstraintsSchema>;

export const GapResultSchema = z
  .object({
    score: z.number(),
    missing: z.array(SkillRefSchema.extend({ importance: z.string().optional() })),
    covered: z.array(SkillRefSchema),
  })
  .passthrough();
export type GapResult = z.infer<typeof GapResultSchema>;

export const PlanItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    provider: z.string(),
    cost: z.number(),
    hours: z.number(),
    eqfLevel: z.number().nullable().optional(),
    mode: z.string().optional(),
    language: z.string().optional(),
    languages: z.array(z.string()).optional(),
    verifiable: z.boolean().optional(),
    url: z.string().nullable().optional(),
    covers: z.array(SkillRefSchema),
  })
  .passthrough();
export type PlanItem = z.infer<typeof PlanItemSchema>;

export const PlanResultSchema = z
  .object({
    feasible: z.boolean(),
    items: z.array(PlanItemSchema),
    totalCost: z.number(),
    totalHours: z.number(),
    uncovered: z.array(SkillRefSchema),
    notes: z.array(z.string()).default([]),
  })
  .passthrough();
export type PlanResult = z.infer<typeof PlanResultSchema>;

export const VerifyResultSchema = z
  .object({
    verified: z.boolean(),
    checks: z.array(z.object({ id: z.string(), ok: z.boolean().nullable(), code: z.string(), message: z.string() }).passthrough()),
    // The verifier reports skills as {uri?, text}; older shapes as {escoUri, label}.
    skills: z
      .array(z.object({ label: z.string().optional(), text: z.string().optional(), uri: z.string().optional(), escoUri: z.string().optional() }).passthrough())
      .default([]),
  })
  .passthrough();
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

export const MatchResultSchema = z
  .object({ score: z.number(), matched: z.array(SkillRefSchema), missing: z.array(SkillRefSchema) })
  .passthrough();
export type MatchResult = z.infer<typeof MatchResultSchema>;

const RequiredSkillSchema = SkillRefSchema.extend({ importance: z.enum(['essential', 'optional']).describe('How the posting needs it') });
const SkillRefs = z.array(SkillRefSchema).max(1000);

/**
 * Provisional request bodies, the shapes the agent tools send. Swap in the service's own schema when the
 * capability lands (and adapt the tool that calls it).
 */
export const CAPABILITY_INPUTS: Readonly<Record<CapabilityName, z.ZodTypeAny>> = Object.freeze({
  gap: z.object({
    required: z.array(RequiredSkillSchema).max(1000).describe('Skills the posting requires'),
    held: SkillRefs.describe('Skills the person holds'),
  }),
  plan: z.object({
    missing: SkillRefs.describe('Skills to close'),
    constraints: PlanConstraintsSchema.default({}).describe('Learner constraints'),
  }),
  verify: z
    .object({
      text: z.string().max(8_000_000).optional().describe('The credential as JSON text or a compact JWT'),
      url: z.string().url().optional().describe('Where the credential is published'),
    })
    .refine((v) => (v.text === undefined) !== (v.url === undefined), { message: 'Give exactly one of text or url.' }),
  matchCandidate: z.object({
    required: z.array(RequiredSkillSchema).max(1000).describe('Skills the posting requires'),
    candidate: SkillRefs.describe("The candidate's skills"),
  }),
});

/** The service method for a capability, bound, or null while the service does not offer it yet. */
export function getCapability(service: SkillProofService, name: CapabilityName): CapabilityFn | null {
  const fn = (service as unknown as Record<string, unknown>)[name];
  return typeof fn === 'function' ? (input: unknown) => (fn as CapabilityFn).call(service, input) : null;
}
