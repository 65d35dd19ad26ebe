import { z } from 'zod';
import { PostingAnalysisSchema, type PostingAnalysis } from '../core/analysis.js';
import { InputError } from '../core/errors.js';
import { analyzeGap, type Requirement, type SkillHierarchy } from '../core/gap/analyze-gap.js';
import type { Gap } from '../core/gap/gap-types.js';
import { ProfileSchema, type Profile } from '../core/profile/profile.js';
import type { ProfileStore } from '../ports/profile-store.js';
import type { AnalyzeInput } from './service-types.js';

const RequirementSchema = z.object({ escoUri: z.string().url(), label: z.string(), importance: z.enum(['essential', 'optional']) });

export const GapInputSchema = z.object({
  analysis: PostingAnalysisSchema.optional().describe('A posting already analysed'),
  posting: z.record(z.unknown()).optional().describe('A posting to analyse first (the analyze input: text, html, url, …)'),
  required: z.array(RequirementSchema).optional().describe('Required skills given directly'),
  profile: ProfileSchema.optional().describe('The profile to compare; default: the stored local profile'),
  includeImplied: z.boolean().default(false).describe('Count the inferred occupation’s unstated essential skills as optional requirements'),
});
export type GapInput = z.input<typeof GapInputSchema>;

export interface GapDeps {
  hierarchy: SkillHierarchy;
  analyze?: (input: AnalyzeInput) => Promise<PostingAnalysis>;
  profileStore?: ProfileStore;
}

export interface GapReport {
  gap: Gap;
  posting: { title: string | null; organisation: string | null } | null;
  profile: { name: string | null; skills: number; verifiedSkills: number };
}

/** The requirements a posting analysis states (and, if asked, the ones its occupation implies). */
export function requirementsOf(analysis: PostingAnalysis, includeImplied: boolean): Requirement[] {
  const stated = analysis.skills.map((s) => ({ escoUri: s.escoUri, label: s.label, importance: s.importance }));
  const implied = includeImplied ? analysis.implied.map((s) => ({ escoUri: s.escoUri, label: s.label, importance: 'optional' as const })) : [];
  return [...stated, ...implied];
}

/** Resolve the posting side and the profile side of a gap request. */
export async function gapSides(input: z.infer<typeof GapInputSchema>, deps: GapDeps): Promise<{ required: Requirement[]; analysis: PostingAnalysis | null; profile: Profile }> {
  const given = [input.analysis, input.posting, input.required].filter((x) => x !== undefined).length;
  if (given !== 1) throw new InputError('gap_needs_one_posting', 'Give exactly one of: analysis, posting or required skills.');
  let analysis = input.analysis ?? null;
  if (input.posting) {
    if (!deps.analyze) throw new InputError('analyze_unavailable', 'Posting analysis is not available here; pass an analysis or the required skills.');
    analysis = await deps.analyze(input.posting as AnalyzeInput);
  }
  const required = input.required ?? requirementsOf(analysis!, input.includeImplied);
  const profile = input.profile ?? (await deps.profileStore?.load()) ?? null;
  if (!profile) throw new InputError('profile_missing', 'No profile yet. Create one with "skillproof profile import --cv my-cv.txt" (or pass a profile).');
  return { required, analysis, profile };
}

/** Compare a posting's required skills with a profile: explained score, verified vs claimed, the essential gap. */
export async function gap(input: GapInput, deps: GapDeps): Promise<GapReport> {
  const parsed = GapInputSchema.safeParse(input);
  if (!parsed.success) throw new InputError('invalid_gap_input', `Gap request is invalid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`);
  const { required, analysis, profile } = await gapSides(parsed.data, deps);
  return {
    gap: analyzeGap(required, profile.skills, deps.hierarchy),
    posting: analysis ? { title: analysis.posting.title, organisation: analysis.posting.organisation } : null,
    profile: { name: profile.name, skills: profile.skills.length, verifiedSkills: profile.skills.filter((s) => s.verified).length },
  };
}
