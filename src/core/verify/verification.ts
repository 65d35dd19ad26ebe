import { z } from 'zod';

/** What a step concluded: true passed, false failed, null could not be checked (offline, unsupported, missing). */
export const CheckSchema = z.object({
  /** The step: parse, format, schema, proof, key, validity, status, issuer_trust, recipient, topicality, nested. */
  id: z.string(),
  ok: z.boolean().nullable(),
  /** Stable snake_case reason, e.g. `signature_valid`, `expired`, `status_unreachable`. */
  code: z.string(),
  message: z.string(),
  /** Advisory steps (trust, topicality) inform the reader but do not change the outcome. */
  advisory: z.boolean().default(false),
});
export type Check = z.infer<typeof CheckSchema>;

export const SkillProvenanceSchema = z.enum([
  'esco_alignment',
  'framework_alignment',
  'edc_learning_outcome',
  'edc_esco_skill',
  'achievement_text',
  'linked_text',
]);
export type SkillProvenance = z.infer<typeof SkillProvenanceSchema>;

/** A skill a credential says it evidences: an ESCO URI when known, always the words it came from. */
export const EvidencedSkillSchema = z.object({
  uri: z.string().optional(),
  text: z.string(),
  provenance: SkillProvenanceSchema,
  /** For linked text: the linker's score; for alignments: the framework named. */
  score: z.number().optional(),
  framework: z.string().optional(),
});
export type EvidencedSkill = z.infer<typeof EvidencedSkillSchema>;

export const CredentialFormatSchema = z.enum([
  'ob2-hosted',
  'ob2-signed',
  'ob3',
  'vc1',
  'vc2',
  'vc-jwt',
  'clr2',
  'edc',
  'edc-jades',
  'vp',
  'unknown',
]);
export type CredentialFormat = z.infer<typeof CredentialFormatSchema>;

export const OutcomeSchema = z.enum(['verified', 'invalid', 'unverifiable']);
export type Outcome = z.infer<typeof OutcomeSchema>;

export interface Verification {
  verified: boolean;
  outcome: Outcome;
  format: CredentialFormat;
  /** Achievement or credential name, for people. */
  title: string | null;
  issuer: { id: string | null; name: string | null; trusted: boolean | null; registries: string[] };
  subject: { id: string | null; name: string | null } | null;
  validFrom: string | null;
  validUntil: string | null;
  checks: Check[];
  skills: EvidencedSkill[];
  /** Credentials carried inside this one (CLR 2.0). */
  nested: Verification[];
  notes: string[];
}

export const VerificationSchema: z.ZodType<Verification, z.ZodTypeDef, unknown> = z.lazy(() =>
  z.object({
    verified: z.boolean(),
    outcome: OutcomeSchema,
    format: CredentialFormatSchema,
    title: z.string().nullable(),
    issuer: z.object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      trusted: z.boolean().nullable(),
      registries: z.array(z.string()),
    }),
    subject: z.object({ id: z.string().nullable(), name: z.string().nullable() }).nullable(),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    checks: z.array(CheckSchema),
    skills: z.array(EvidencedSkillSchema),
    nested: z.array(VerificationSchema),
    notes: z.array(z.string()),
  }),
);

/**
 * The outcome a step log adds up to: any failed required step → invalid; else any unchecked required step, or no
 * passing proof at all → unverifiable; else verified. "Could not be checked" is never verified.
 */
export function decideOutcome(checks: readonly Check[]): Outcome {
  const required = checks.filter((c) => !c.advisory);
  if (required.some((c) => c.ok === false)) return 'invalid';
  if (required.some((c) => c.ok === null)) return 'unverifiable';
  if (!required.some((c) => c.id === 'proof' && c.ok === true)) return 'unverifiable';
  return 'verified';
}
