import { z } from "zod"

/**
 * Response shapes for the service routes whose schemas are not in src/core yet (gap, plan, verify, match, chat,
 * pairing). They are deliberately lenient (passthrough) so a richer server answer still parses; swap each for the
 * core schema when it lands.
 */

export const ApiErrorSchema = z.object({ code: z.string(), message: z.string() })
export type ApiError = z.infer<typeof ApiErrorSchema>

export const HealthSchema = z
  .object({
    ok: z.boolean(),
    escoVersion: z.string().optional(),
    embedder: z.string().optional(),
    skills: z.number().optional(),
    llm: z.boolean().optional()
  })
  .passthrough()
export type Health = z.infer<typeof HealthSchema>

export const PairResponseSchema = z.object({ token: z.string().min(8) }).passthrough()

const SkillRefSchema = z.object({ escoUri: z.string(), label: z.string() }).passthrough()
export type SkillRef = z.infer<typeof SkillRefSchema>

export const GapSchema = z
  .object({
    covered: z.array(SkillRefSchema.extend({ partial: z.boolean().optional(), by: z.string().optional() })),
    missing: z.array(SkillRefSchema.extend({ importance: z.string().optional() })),
    score: z.number().min(0).max(1)
  })
  .passthrough()
export type Gap = z.infer<typeof GapSchema>

export const CredentialOfferSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    provider: z.string(),
    url: z.string().nullable().optional(),
    hours: z.number().nullable().optional(),
    cost: z.object({ amount: z.number(), currency: z.string() }).nullable().optional(),
    ects: z.number().nullable().optional(),
    eqfLevel: z.number().nullable().optional(),
    mode: z.string().nullable().optional(),
    assessment: z.string().nullable().optional(),
    qualityAssurance: z.string().nullable().optional(),
    verifiable: z.boolean().default(false),
    stackableWith: z.array(z.string()).default([]),
    covers: z.array(SkillRefSchema).default([])
  })
  .passthrough()
export type CredentialOffer = z.infer<typeof CredentialOfferSchema>

export const PlanSchema = z
  .object({
    credentials: z.array(CredentialOfferSchema),
    totalCost: z.object({ amount: z.number(), currency: z.string() }).nullable().optional(),
    totalHours: z.number().nullable().optional(),
    uncovered: z.array(SkillRefSchema).default([])
  })
  .passthrough()
export type Plan = z.infer<typeof PlanSchema>

export const VerificationSchema = z
  .object({
    verified: z.boolean(),
    checks: z.array(z.object({ id: z.string(), ok: z.boolean(), code: z.string(), message: z.string() })),
    skills: z.array(SkillRefSchema).default([]),
    issuer: z.string().nullable().optional(),
    name: z.string().nullable().optional()
  })
  .passthrough()
export type Verification = z.infer<typeof VerificationSchema>

export const CandidateMatchSchema = z
  .object({
    requirements: z.array(SkillRefSchema.extend({ importance: z.string().optional() })),
    candidates: z.array(
      z.object({
        name: z.string(),
        score: z.number().min(0).max(1),
        cells: z.array(z.object({ escoUri: z.string(), status: z.enum(["verified", "claimed", "missing"]) }))
      })
    )
  })
  .passthrough()
export type CandidateMatch = z.infer<typeof CandidateMatchSchema>

/** One server-sent event of `/v1/chat`. */
export const ChatEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("token"), text: z.string() }),
  z.object({ type: z.literal("tool"), name: z.string(), status: z.enum(["start", "end", "error"]), summary: z.string().optional() }),
  z.object({ type: z.literal("done"), engine: z.enum(["offline", "llm"]), conversationId: z.string().optional() }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() })
])
export type ChatEvent = z.infer<typeof ChatEventSchema>
