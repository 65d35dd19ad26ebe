import { z } from 'zod';
import { ImportanceSchema } from '../analysis.js';

export const CoverRelationSchema = z.enum(['exact', 'narrower', 'broader', 'related']);
export type CoverRelation = z.infer<typeof CoverRelationSchema>;

export const RequirementResultSchema = z.object({
  escoUri: z.string(),
  label: z.string(),
  importance: ImportanceSchema,
  weight: z.number(),
  /** Best coverage from any held skill (claimed or verified): 1, the partial credit, or 0. */
  coverage: z.number(),
  /** Coverage counting verified skills only. */
  verifiedCoverage: z.number(),
  status: z.enum(['covered', 'partial', 'missing']),
  /** The held skill that gives `coverage`, and how it relates to the requirement. */
  match: z
    .object({ heldUri: z.string(), heldLabel: z.string(), relation: CoverRelationSchema, verified: z.boolean(), source: z.string() })
    .nullable(),
  /** weight × coverage: this requirement's share of the score's numerator. */
  contribution: z.number(),
});
export type RequirementResult = z.infer<typeof RequirementResultSchema>;

const RefSchema = z.object({ escoUri: z.string(), label: z.string(), importance: ImportanceSchema });

export const GapSchema = z.object({
  /** Σ(weight × coverage) / Σ weight, 0–1. */
  score: z.number(),
  /** The same formula counting verified evidence only. */
  verifiedScore: z.number(),
  formula: z.string(),
  weights: z.object({ essential: z.number(), optional: z.number(), broader: z.number(), related: z.number() }),
  totals: z.object({ weightSum: z.number(), covered: z.number(), verifiedCovered: z.number() }),
  requirements: z.array(RequirementResultSchema),
  covered: z.array(RefSchema),
  missing: z.array(RefSchema),
  /** Essential requirements not fully covered: what a plan must close. */
  essentialGap: z.array(RefSchema),
  optionalGap: z.array(RefSchema),
  notes: z.array(z.string()),
});
export type Gap = z.infer<typeof GapSchema>;
