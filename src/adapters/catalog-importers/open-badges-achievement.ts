import type { DraftEntry } from '../../core/catalog/credential-entry.js';
import type { ParsedCatalog } from '../../core/catalog/parsed-catalog.js';
import { asArray, isEscoSkillUri, isObject, langString, languageCode, lastSegment, type Json } from './json-values.js';

const types = (v: Json) => asArray(v.type).map(String);

/** True for an Open Badges 3.0 credential or a bare `Achievement` (or an array of them). */
export const isOpenBadge = (json: unknown): boolean =>
  asArray(json).some((j) => isObject(j) && types(j).some((t) => /^(OpenBadgeCredential|AchievementCredential|Achievement)$/.test(t)));

/** An alignment names a skill when it points at ESCO or its framework or type says competency/skill. */
const isSkillAlignment = (a: Json) =>
  isEscoSkillUri(a.targetUrl) || /competenc|skill/i.test(`${a.targetType ?? ''} ${a.targetFramework ?? ''}`) || /esco/i.test(String(a.targetFramework ?? ''));

function achievementToDraft(a: Json, credential: Json | null, ref: string): DraftEntry | null {
  const title = langString(a.name);
  if (!title) return null;
  const alignments = asArray(a.alignment).filter(isObject);
  const skills = alignments
    .filter((x) => isEscoSkillUri(x.targetUrl))
    .map((x) => ({ uri: String(x.targetUrl), label: langString(x.targetName) ?? '', provenance: 'declared' as const, confidence: 1, sourceText: null }));
  const texts = alignments.filter((x) => !isEscoSkillUri(x.targetUrl) && isSkillAlignment(x)).map((x) => langString(x.targetName)).filter((s): s is string => !!s);
  const eqfAlign = alignments.find((x) => /\/snb\/eqf\/\d$/.test(String(x.targetUrl ?? '')) || /^EQF/i.test(String(x.targetFramework ?? '')));
  const eqf = eqfAlign ? Number(lastSegment(eqfAlign.targetUrl ?? eqfAlign.targetCode)) : NaN;
  const creator = isObject(a.creator) ? a.creator : null;
  const issuer = credential && isObject(credential.issuer) ? credential.issuer : null;
  const body = langString(creator?.name) ?? langString(issuer?.name);
  const date = (credential?.validFrom ?? credential?.issuanceDate ?? null) as string | null;
  const criteria = isObject(a.criteria) ? a.criteria : null;
  const id = typeof a.id === 'string' && /^https?:\/\//.test(a.id) ? a.id : null;
  return {
    title,
    awardingBody: body ? [body] : [],
    dateOfIssue: typeof date === 'string' ? date.slice(0, 10) : null,
    learningOutcomes: [langString(a.description), langString(criteria?.narrative)].filter((s): s is string => !!s),
    eqfLevel: Number.isInteger(eqf) && eqf >= 1 && eqf <= 8 ? eqf : null,
    assessment: asArray(a.resultDescription).filter(isObject).map((r) => langString(r.name)).filter(Boolean).join('; ') || null,
    provider: body,
    credentialType: typeof a.achievementType === 'string' ? a.achievementType : 'Achievement',
    durationText: typeof a.creditsAvailable === 'number' ? `${a.creditsAvailable} credits` : null,
    languages: asArray(a.inLanguage).map(languageCode).filter((s): s is string => !!s),
    verifiableFormat: 'ob3',
    url: id,
    skills,
    skillTexts: texts,
    sources: [{ format: 'ob3', ref: id ?? ref }],
  };
}

/** Open Badges 3.0: the `Achievement` of each credential (or bare achievements); ESCO alignments are declared skills. */
export function importOpenBadgesAchievement(json: unknown, file: string): ParsedCatalog {
  const drafts: ParsedCatalog['drafts'] = [];
  const skipped: ParsedCatalog['skipped'] = [];
  const items = asArray(json).filter(isObject);
  items.forEach((item, i) => {
    const ref = `${file}#${i}`;
    const isCredential = types(item).some((t) => /Credential$/.test(t));
    const subject = isCredential ? (asArray(item.credentialSubject).find(isObject) as Json | undefined) : undefined;
    const achievement = isCredential ? (subject && isObject(subject.achievement) ? subject.achievement : null) : item;
    const draft = achievement ? achievementToDraft(achievement, isCredential ? item : null, ref) : null;
    if (draft) drafts.push({ draft, ref });
    else skipped.push({ ref, reason: 'no achievement with a name' });
  });
  return { format: 'ob3', file, rowsRead: items.length, drafts, skipped };
}
