import { z } from 'zod';
import type { LinkTexts } from '../core/catalog/resolve-skill-texts.js';
import { InputError } from '../core/errors.js';
import type { HeldSkill, SkillSource } from '../core/profile/held-skill.js';
import { readJsonResume } from '../core/profile/json-resume.js';
import { emptyProfile, mergeHeldSkills, type HeldCredential, type Profile } from '../core/profile/profile.js';
import { skillPhrases } from '../core/profile/skill-phrases.js';
import type { ProfileStore } from '../ports/profile-store.js';

/** A credential the person holds; `verified` comes from verifyCredential (a Verification or its summary). */
export const HeldCredentialInputSchema = z.object({
  verified: z.boolean().describe('Did the credential pass verification?'),
  skills: z.array(z.object({ uri: z.string().url().optional(), escoUri: z.string().url().optional(), label: z.string().optional() })).default([]),
  title: z.string().optional(),
  issuer: z.string().optional(),
  date: z.string().optional(),
});

export const UpdateProfileInputSchema = z.object({
  name: z.string().max(200).optional().describe('Display name for the profile'),
  cvText: z.string().max(2_000_000).optional().describe('CV as plain text or Markdown'),
  cvPdf: z.instanceof(Uint8Array).optional().describe('CV as a PDF file'),
  jsonResume: z.unknown().optional().describe('A JSON Resume document'),
  skills: z.array(z.string().min(1).max(200)).optional().describe('Skills typed by the person, in their own words'),
  escoUris: z.array(z.string().url()).optional().describe('ESCO skill URIs picked by the person'),
  credentials: z.array(HeldCredentialInputSchema).optional().describe('Held credentials with their verification result'),
  replace: z.boolean().default(false).describe('Start from an empty profile instead of adding to the stored one'),
  minScore: z.number().min(0).max(1).default(0.8).describe('Lowest linker score accepted for free-text skills'),
});
export type UpdateProfileInput = z.input<typeof UpdateProfileInputSchema>;

export interface UpdateProfileDeps {
  store: ProfileStore;
  linkTexts: LinkTexts;
  /** Skills from prose (the posting pipeline run on CV text); optional — without it only skill lists are read. */
  extractSkills?: (text: string) => Promise<{ uri: string; label: string; score: number; evidence: string | null }[]>;
  pdfText?: (bytes: Uint8Array) => Promise<string>;
  labelOf?: (uri: string) => string | undefined;
  now?: () => string;
}

export interface UpdateProfileResult {
  profile: Profile;
  added: HeldSkill[];
  unmapped: string[];
  notes: string[];
}

/** Add skills to the local profile from a CV (text or PDF), a JSON Resume, a typed list, and held credentials. */
export async function updateProfile(input: UpdateProfileInput, deps: UpdateProfileDeps): Promise<UpdateProfileResult> {
  const parsed = UpdateProfileInputSchema.safeParse(input);
  if (!parsed.success) throw new InputError('invalid_profile_input', `Profile input is invalid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`);
  const inp = parsed.data;
  const now = deps.now?.() ?? new Date().toISOString();
  const base = inp.replace ? emptyProfile(now) : ((await deps.store.load()) ?? emptyProfile(now));
  const notes: string[] = [];
  const added: HeldSkill[] = [];
  const unmapped: string[] = [];
  const credentials: HeldCredential[] = [];
  const texts: { text: string; source: SkillSource }[] = [];
  const prose: string[] = [];
  let name = inp.name ?? base.name;

  let cv = inp.cvText ?? '';
  if (inp.cvPdf) {
    if (!deps.pdfText) throw new InputError('pdf_unsupported', 'This build cannot read PDF files; paste the CV text instead.');
    cv = `${cv}\n${await deps.pdfText(inp.cvPdf)}`;
  }
  if (cv.trim()) {
    const phrases = skillPhrases(cv);
    texts.push(...phrases.map((text) => ({ text, source: 'cv' as const })));
    prose.push(cv);
    if (phrases.length === 0 && !deps.extractSkills) notes.push('No skills list found in the CV (a "Skills" heading or "Tools: …" line). Add one, or list skills with --skill.');
  }
  if (inp.jsonResume !== undefined) {
    const r = readJsonResume(inp.jsonResume);
    if (!r) notes.push('The JSON given is not a JSON Resume (no basics, skills, work or certificates).');
    else {
      name ??= r.name;
      texts.push(...r.skillTexts.map((text) => ({ text, source: 'json-resume' as const })));
      if (r.prose) prose.push(r.prose);
      // Certificates listed in a résumé are claims: nobody verified them.
      credentials.push(...r.certificates.map((c) => ({ title: c.title, issuer: c.issuer, verified: false, skills: [], date: c.date })));
    }
  }
  texts.push(...(inp.skills ?? []).map((text) => ({ text, source: 'manual' as const })));

  if (texts.length > 0) {
    const distinct = [...new Map(texts.map((t) => [t.text.toLowerCase(), t])).values()];
    const hits = await deps.linkTexts(distinct.map((t) => t.text));
    distinct.forEach((t, i) => {
      const best = (hits[i] ?? []).filter((h) => h.score >= inp.minScore).sort((a, b) => b.score - a.score)[0];
      if (best) added.push({ escoUri: best.uri, label: best.label, source: t.source, verified: false, evidence: t.text, confidence: Math.min(1, best.score) });
      else unmapped.push(t.text);
    });
  }
  if (deps.extractSkills) {
    for (const p of prose) {
      for (const s of await deps.extractSkills(p)) {
        if (s.score >= inp.minScore) added.push({ escoUri: s.uri, label: s.label, source: 'cv', verified: false, evidence: s.evidence, confidence: Math.min(1, s.score) });
      }
    }
  }
  for (const u of inp.escoUris ?? []) {
    const label = deps.labelOf?.(u);
    if (deps.labelOf && !label) notes.push(`${u} is not an ESCO skill in the loaded taxonomy; left out.`);
    else added.push({ escoUri: u, label: label ?? u, source: 'manual', verified: false, evidence: null, confidence: 1 });
  }
  for (const c of inp.credentials ?? []) {
    const skills = c.skills.map((s) => s.escoUri ?? s.uri).filter((u): u is string => !!u).map((u) => ({ escoUri: u, label: deps.labelOf?.(u) ?? c.skills.find((s) => (s.escoUri ?? s.uri) === u)?.label ?? u }));
    credentials.push({ title: c.title ?? 'Credential', issuer: c.issuer ?? null, verified: c.verified, skills, date: c.date ?? null });
    added.push(...skills.map((s) => ({ ...s, source: 'credential' as const, verified: c.verified, evidence: c.title ?? null, confidence: 1 })));
    if (!c.verified) notes.push(`"${c.title ?? 'A credential'}" did not pass verification: its skills count as claimed, not verified.`);
  }
  const profile: Profile = {
    ...base,
    name: name ?? null,
    updatedAt: now,
    skills: mergeHeldSkills(base.skills, added),
    credentials: [...base.credentials, ...credentials],
    unmapped: [...new Set([...base.unmapped, ...unmapped])],
  };
  await deps.store.save(profile);
  return { profile, added, unmapped, notes };
}
