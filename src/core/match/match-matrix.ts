import { z } from 'zod';
import { ImportanceSchema } from '../analysis.js';
import { CredentialFormatSchema, OutcomeSchema, SkillProvenanceSchema } from '../verify/verification.js';

export const CellStatusSchema = z.enum(['verified', 'unverifiable', 'invalid', 'none']);
export type CellStatus = z.infer<typeof CellStatusSchema>;

export const MatchCellSchema = z.object({
  status: CellStatusSchema,
  /** exact: same ESCO skill; narrower: the credential evidences a more specific skill under the requirement. */
  via: z.enum(['exact', 'narrower']).nullable(),
  evidence: z.object({ uri: z.string().optional(), text: z.string(), provenance: SkillProvenanceSchema }).nullable(),
});
export type MatchCell = z.infer<typeof MatchCellSchema>;

export const MatchRowSchema = z.object({
  requirement: z.object({ escoUri: z.string(), label: z.string(), importance: ImportanceSchema }),
  cells: z.array(MatchCellSchema),
  best: CellStatusSchema,
});
export type MatchRow = z.infer<typeof MatchRowSchema>;

/** ratio = verified / total, 0 when there is nothing to cover. */
export const CoverageCountSchema = z.object({ total: z.number().int(), verified: z.number().int(), ratio: z.number() });
export type CoverageCount = z.infer<typeof CoverageCountSchema>;

/** Posting requirements × a candidate's credentials, as `matchCandidate` builds it and front ends parse it. */
export const MatchMatrixSchema = z.object({
  columns: z.array(
    z.object({
      label: z.string(),
      title: z.string().nullable(),
      outcome: OutcomeSchema,
      format: CredentialFormatSchema,
      issuer: z.string().nullable(),
      trusted: z.boolean().nullable(),
    }),
  ),
  rows: z.array(MatchRowSchema),
  coverage: z.object({ essential: CoverageCountSchema, optional: CoverageCountSchema }),
  /** Essential requirements with no verified evidence, for the recruiter to ask about. */
  essentialGaps: z.array(z.string()),
  notes: z.array(z.string()),
});
export type MatchMatrix = z.infer<typeof MatchMatrixSchema>;
