import { z } from 'zod';
import { HeldSkillSchema, type HeldSkill } from './held-skill.js';

export const PROFILE_SCHEMA_VERSION = '1.0';

export const HeldCredentialSchema = z.object({
  title: z.string(),
  issuer: z.string().nullable().default(null),
  /** True only when the credential passed verification (signature, status, issuer). */
  verified: z.boolean(),
  skills: z.array(z.object({ escoUri: z.string().url(), label: z.string() })).default([]),
  date: z.string().nullable().default(null),
});
export type HeldCredential = z.infer<typeof HeldCredentialSchema>;

/** A person's skills and credentials, kept on their own machine only. */
export const ProfileSchema = z.object({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  name: z.string().nullable().default(null),
  updatedAt: z.string(),
  skills: z.array(HeldSkillSchema).default([]),
  credentials: z.array(HeldCredentialSchema).default([]),
  /** Skill words from the sources that did not map to ESCO, kept so the person can fix them by hand. */
  unmapped: z.array(z.string()).default([]),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** An empty profile. */
export function emptyProfile(now: string, name: string | null = null): Profile {
  return { schemaVersion: PROFILE_SCHEMA_VERSION, name, updatedAt: now, skills: [], credentials: [], unmapped: [] };
}

/** Union of held skills by URI: verified evidence wins over claimed, then higher confidence. */
export function mergeHeldSkills(a: readonly HeldSkill[], b: readonly HeldSkill[]): HeldSkill[] {
  const byUri = new Map<string, HeldSkill>();
  for (const s of [...a, ...b]) {
    const prev = byUri.get(s.escoUri);
    if (!prev || (s.verified && !prev.verified) || (s.verified === prev.verified && s.confidence > prev.confidence)) byUri.set(s.escoUri, s);
  }
  return [...byUri.values()].sort((x, y) => x.label.localeCompare(y.label));
}
