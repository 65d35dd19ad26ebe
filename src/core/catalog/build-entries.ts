import { CredentialEntrySchema, type CredentialEntry, type CredentialSkill, type DraftEntry } from './credential-entry.js';
import { entryId } from './entry-key.js';
import { skillTextKey, type ResolvedTexts } from './resolve-skill-texts.js';

export interface DraftProblem {
  /** Where the draft came from (file and line), for the report. */
  ref: string;
  reason: string;
}

/**
 * Turn parsed drafts into validated entries: attach the mapped ESCO skills for their free-text skills, record the
 * texts that did not map, give each an id. Drafts that fail validation come back as problems, not exceptions.
 */
export function buildEntries(
  drafts: readonly { draft: DraftEntry; ref: string }[],
  resolved: ResolvedTexts,
): { entries: CredentialEntry[]; problems: DraftProblem[] } {
  const entries: CredentialEntry[] = [];
  const problems: DraftProblem[] = [];
  for (const { draft, ref } of drafts) {
    const { skillTexts = [], ...rest } = draft;
    const inferred: CredentialSkill[] = [];
    const unmapped: string[] = [...(rest.unmappedSkills ?? [])];
    for (const t of skillTexts) {
      const hit = resolved.byText.get(skillTextKey(t));
      if (hit) inferred.push({ ...hit, sourceText: t.trim() });
      else if (t.trim()) unmapped.push(t.trim());
    }
    const declared = rest.skills ?? [];
    const seen = new Set(declared.map((s) => s.uri));
    const skills = [...declared, ...inferred.filter((s) => !seen.has(s.uri) && (seen.add(s.uri), true))];
    const parsed = CredentialEntrySchema.safeParse({
      ...rest,
      id: rest.id ?? entryId({ title: rest.title, provider: rest.provider ?? null, awardingBody: rest.awardingBody ?? [], credentialType: rest.credentialType ?? null }),
      skills,
      unmappedSkills: [...new Set(unmapped)],
    });
    if (parsed.success) entries.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      problems.push({ ref, reason: `${issue.path.join('.') || 'entry'}: ${issue.message}` });
    }
  }
  return { entries, problems };
}
