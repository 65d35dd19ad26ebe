import { z } from 'zod';

export const SkillTypeSchema = z.enum(['skill/competence', 'knowledge', 'unknown']);
export type SkillType = z.infer<typeof SkillTypeSchema>;

export const ReuseLevelSchema = z.enum(['transversal', 'cross-sector', 'sector-specific', 'occupation-specific', 'unknown']);
export type ReuseLevel = z.infer<typeof ReuseLevelSchema>;

/** One ESCO skill or knowledge concept, with labels per language (`en` always present). */
export const SkillConceptSchema = z.object({
  uri: z.string().url(),
  preferredLabel: z.record(z.string()),
  altLabels: z.record(z.array(z.string())),
  hiddenLabels: z.array(z.string()),
  description: z.string(),
  skillType: SkillTypeSchema,
  reuseLevel: ReuseLevelSchema,
});
export type SkillConcept = z.infer<typeof SkillConceptSchema>;

export const OccupationSchema = z.object({
  uri: z.string().url(),
  preferredLabel: z.record(z.string()),
  altLabels: z.record(z.array(z.string())),
  iscoGroup: z.string(),
  description: z.string(),
  code: z.string(),
});
export type Occupation = z.infer<typeof OccupationSchema>;

export const SkillGroupSchema = z.object({ uri: z.string().url(), label: z.string(), code: z.string() });
export type SkillGroup = z.infer<typeof SkillGroupSchema>;

export type RelationType = 'essential' | 'optional';

/** A surface form indexed for search: one label of one concept. */
export interface SkillSurface {
  conceptUri: string;
  text: string;
  lang: string;
  kind: 'preferred' | 'alt' | 'hidden' | 'description';
}
