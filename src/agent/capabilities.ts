import { z } from 'zod';
import { PostingAnalysisSchema } from '../core/analysis.js';
import { PROFILE_SCHEMA_VERSION } from '../core/profile/profile.js';
import { GapInputSchema } from '../service/gap.js';
import { PlanRequestSchema } from '../service/plan-credentials.js';
import type { SkillProofService } from '../service/service-types.js';

/**
 * The capabilities that later issues add to `SkillProofService` (gap, plan, verify, matchCandidate).
 * Until they land on the interface, front ends look them up here. Inputs are the use cases' own schemas
 * (src/service/gap.ts, plan-credentials.ts, verify-credential.ts, match-candidate.ts); results are checked loosely
 * (only what the agent reads), so richer reports pass through untouched.
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
    mode: z.string().nullable().optional(),
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

/** What `verify` accepts over JSON (the service's VerifyInput without raw bytes). */
export const VerifyRequestSchema = z
  .object({
    text: z.string().max(8_000_000).optional().describe('The credential as JSON text or a compact JWT'),
    url: z.string().url().optional().describe('Where the credential is published'),
    json: z.record(z.unknown()).optional().describe('The credential as a JSON object'),
    recipient: z.string().max(500).optional().describe('Email, URL or DID it should be issued to'),
  })
  .refine((v) => [v.text, v.url, v.json].filter((x) => x !== undefined).length === 1, { message: 'Give exactly one of text, url or json.' });

/** What `matchCandidate` accepts over JSON: an analysed posting and the candidate's credentials. */
export const MatchRequestSchema = z.object({
  posting: PostingAnalysisSchema.describe('The posting, as returned by /v1/analyze'),
  credentials: z
    .array(
      z.object({
        label: z.string().max(200).describe('A name for the credential in the report'),
        text: z.string().max(8_000_000).optional().describe('JSON text or a compact JWT'),
        url: z.string().url().optional().describe('Where the credential is published'),
        json: z.record(z.unknown()).optional().describe('The credential as a JSON object'),
      }),
    )
    .min(1)
    .max(50)
    .describe("The candidate's credentials"),
  includeImplied: z.boolean().optional().describe('Also count the occupation’s unstated essential skills'),
});

/** Request bodies of the capability routes: the use cases' own schemas. */
export const CAPABILITY_INPUTS: Readonly<Record<CapabilityName, z.ZodTypeAny>> = Object.freeze({
  gap: GapInputSchema,
  plan: PlanRequestSchema,
  verify: VerifyRequestSchema,
  matchCandidate: MatchRequestSchema,
});

/** Reports as the use cases return them; only the parts the agent reads are checked. */
export const GapReportSchema = z.object({ gap: GapResultSchema }).passthrough();
export const PlanReportSchema = z.object({ plan: PlanResultSchema }).passthrough();
const CoverageSchema = z.object({ total: z.number(), verified: z.number(), ratio: z.number() });
export const MatchReportSchema = z
  .object({
    matrix: z
      .object({
        rows: z.array(z.object({ requirement: SkillRefSchema.extend({ importance: z.string() }), best: z.string() }).passthrough()),
        coverage: z.object({ essential: CoverageSchema, optional: CoverageSchema }),
      })
      .passthrough(),
  })
  .passthrough();

/** A profile holding just these skills (as the user stated them in the chat). */
export function profileOf(skills: readonly SkillRef[], now = new Date()): Record<string, unknown> {
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    name: null,
    updatedAt: now.toISOString(),
    skills: skills.map((s) => ({ escoUri: s.escoUri, label: s.label, source: 'manual', verified: false, evidence: null, confidence: 1 })),
    credentials: [],
    unmapped: [],
  };
}

/** The service method for a capability, bound, or null while the service does not offer it yet. */
export function getCapability(service: SkillProofService, name: CapabilityName): CapabilityFn | null {
  const fn = (service as unknown as Record<string, unknown>)[name];
  return typeof fn === 'function' ? (input: unknown) => (fn as CapabilityFn).call(service, input) : null;
}
