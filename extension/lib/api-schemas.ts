import { z } from "zod"

import { GapSchema } from "../../src/core/gap/gap-types"
import { PlanSchema } from "../../src/core/plan/plan-types"
import { VerificationSchema } from "../../src/core/verify/verification"

/**
 * Response envelopes of the service routes. The payloads inside are the core schemas (Gap, Plan, Verification);
 * only the wrappers and the matrix, which core keeps as plain interfaces, are described here.
 */

export const ApiErrorSchema = z.object({ code: z.string(), message: z.string() })
export type ApiError = z.infer<typeof ApiErrorSchema>

export const HealthSchema = z
  .object({
    ok: z.boolean(),
    escoVersion: z.string().optional(),
    embedder: z.string().optional(),
    skills: z.number().optional(),
    /** Which chat engine answers; absent on services that do not say. */
    chat: z.enum(["offline", "llm"]).optional()
  })
  .passthrough()
export type Health = z.infer<typeof HealthSchema>

export const PairResponseSchema = z.object({ token: z.string().min(8), expiresAt: z.string().optional() }).passthrough()

export const GapReportSchema = z.object({ gap: GapSchema }).passthrough()
export type GapReport = z.infer<typeof GapReportSchema>

export const PlanReportSchema = z.object({ plan: PlanSchema, gap: GapSchema.nullable() }).passthrough()
export type PlanReport = z.infer<typeof PlanReportSchema>

export { VerificationSchema }
export type { Verification } from "../../src/core/verify/verification"
export type { Gap } from "../../src/core/gap/gap-types"
export type { Plan, PlanItem } from "../../src/core/plan/plan-types"

const CellStatusSchema = z.enum(["verified", "unverifiable", "invalid", "none"])
export type CellStatus = z.infer<typeof CellStatusSchema>

/** core/match/match-candidate.ts `MatchMatrix`, as far as the panel reads it. */
export const MatchMatrixSchema = z
  .object({
    columns: z.array(z.object({ label: z.string(), title: z.string().nullable(), outcome: z.string(), issuer: z.string().nullable() }).passthrough()),
    rows: z.array(
      z
        .object({
          requirement: z.object({ escoUri: z.string(), label: z.string(), importance: z.enum(["essential", "optional"]) }),
          cells: z.array(z.object({ status: CellStatusSchema }).passthrough()),
          best: CellStatusSchema
        })
        .passthrough()
    ),
    coverage: z.object({
      essential: z.object({ total: z.number(), verified: z.number(), ratio: z.number() }),
      optional: z.object({ total: z.number(), verified: z.number(), ratio: z.number() })
    }),
    essentialGaps: z.array(z.string()),
    notes: z.array(z.string())
  })
  .passthrough()
export type MatchMatrix = z.infer<typeof MatchMatrixSchema>

export const MatchCandidateResultSchema = z.object({ matrix: MatchMatrixSchema }).passthrough()

/** One server-sent event of `/v1/chat`: the event name becomes `type`. */
export const ChatEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("token"), text: z.string() }),
  z.object({ type: z.literal("tool_start"), name: z.string() }).passthrough(),
  z.object({ type: z.literal("tool_end"), name: z.string(), ok: z.boolean() }).passthrough(),
  z.object({ type: z.literal("done"), conversationId: z.string(), text: z.string().optional(), engine: z.enum(["offline", "llm"]).optional() }).passthrough(),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() })
])
export type ChatEvent = z.infer<typeof ChatEventSchema>
