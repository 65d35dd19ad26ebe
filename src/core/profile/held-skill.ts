import { z } from 'zod';

export const SkillSourceSchema = z.enum(['cv', 'json-resume', 'manual', 'credential']);
export type SkillSource = z.infer<typeof SkillSourceSchema>;

/** A skill the person holds, with where we learnt it and whether a verified credential backs it. */
export const HeldSkillSchema = z.object({
  escoUri: z.string().url(),
  label: z.string(),
  source: SkillSourceSchema,
  /** True only when a credential that passed verification carries the skill. */
  verified: z.boolean().default(false),
  /** The words or credential the skill was read from. */
  evidence: z.string().nullable().default(null),
  /** Linker score for skills read from free text; 1 for manual and credential skills. */
  confidence: z.number().min(0).max(1).default(1),
});
export type HeldSkill = z.infer<typeof HeldSkillSchema>;
