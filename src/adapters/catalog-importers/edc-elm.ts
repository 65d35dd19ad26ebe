import type { DraftEntry } from '../../core/catalog/credential-entry.js';
import type { ParsedCatalog } from '../../core/catalog/parsed-catalog.js';
import { asArray, countryCode, isEscoSkillUri, isObject, isoDurationHours, langString, languageCode, lastSegment, modeFromText, type Json } from './json-values.js';

/** True for a European Digital Credential (ELM v3) or a bare ELM achievement/qualification. */
export const isEdc = (json: unknown): boolean =>
  isObject(json) && (asArray(json.type).includes('EuropeanDigitalCredential') || JSON.stringify(json['@context'] ?? '').includes('data.europa.eu/snb'));

function awardingBodies(claim: Json): Json[] {
  return asArray(claim.awardedBy).filter(isObject).flatMap((p) => asArray(p.awardingBody).filter(isObject));
}

function claimToDraft(claim: Json, credential: Json, ref: string): DraftEntry | null {
  const spec = (asArray(claim.specifiedBy).find(isObject) as Json | undefined) ?? claim;
  const title = langString(spec.title) ?? langString(claim.title);
  if (!title) return null;
  const outcomes = asArray(spec.learningOutcome).filter(isObject);
  const skills = outcomes
    .flatMap((o) => asArray(o.relatedESCOSkill).filter(isObject))
    .filter((s) => isEscoSkillUri(s.id))
    .map((s) => ({ uri: String(s.id), label: langString(s.prefLabel) ?? '', provenance: 'declared' as const, confidence: 1, sourceText: null }));
  const bodies = awardingBodies(claim);
  const names = bodies.map((b) => langString(b.legalName) ?? langString(b.prefLabel)).filter((s): s is string => !!s);
  const address = bodies.map((b) => asArray(b.location).find(isObject) as Json | undefined).find(Boolean)?.address as Json | undefined;
  const credit = asArray(spec.creditPoint).filter(isObject).find((c) => /european credit transfer/i.test(langString((c.framework as Json | undefined)?.prefLabel) ?? ''));
  const eqf = Number(lastSegment((spec.eqfLevel as Json | undefined)?.id));
  const assessments = asArray(claim.provenBy).filter(isObject).map((a) => {
    const s = asArray(a.specifiedBy).find(isObject) as Json | undefined;
    const how = langString((s?.mode as Json | undefined)?.prefLabel);
    return [langString(s?.title) ?? langString(a.title), how ? `(${how})` : ''].filter(Boolean).join(' ');
  });
  const modeText = langString((spec.mode as Json | undefined)?.prefLabel);
  const date = typeof credential.validFrom === 'string' ? credential.validFrom : typeof credential.issuanceDate === 'string' ? credential.issuanceDate : null;
  const homepage = asArray(spec.homepage).find(isObject) as Json | undefined;
  return {
    title,
    awardingBody: names,
    country: countryCode((address?.countryCode as Json | undefined)?.id),
    dateOfIssue: date ? date.slice(0, 10) : null,
    learningOutcomes: outcomes.map((o) => langString(o.title)).filter((s): s is string => !!s),
    workload: { hours: isoDurationHours(spec.volumeOfLearning), ects: credit ? Number(credit.point) || null : null, basis: 'declared' },
    eqfLevel: Number.isInteger(eqf) && eqf >= 1 && eqf <= 8 ? eqf : null,
    assessment: assessments.filter(Boolean).join('; ') || null,
    participation: modeText,
    qualityAssurance: langString(asArray(spec.accreditation).find(isObject)) ?? null,
    provider: names[0] ?? null,
    credentialType: langString((spec.dcType as Json | undefined)?.prefLabel) ?? (typeof spec.type === 'string' ? spec.type : null),
    durationText: typeof spec.maximumDuration === 'string' ? spec.maximumDuration : null,
    languages: asArray(spec.language).map(languageCode).filter((s): s is string => !!s),
    mode: modeFromText(modeText),
    prerequisites: asArray(spec.entryRequirement).filter(isObject).map((n) => langString(n.noteLiteral)).filter((s): s is string => !!s),
    verifiableFormat: 'edc',
    url: typeof homepage?.contentURL === 'string' ? homepage.contentURL : null,
    skills,
    sources: [{ format: 'edc', ref: String(spec.id ?? ref) }],
  };
}

/** European Learning Model credentials: each achievement claim becomes an entry; `relatedESCOSkill` are declared skills. */
export function importEdcElm(json: unknown, file: string): ParsedCatalog {
  const cred = isObject(json) ? json : {};
  const subject = asArray(cred.credentialSubject).find(isObject) as Json | undefined;
  const claims = subject ? asArray(subject.hasClaim).filter(isObject) : [cred];
  const drafts: ParsedCatalog['drafts'] = [];
  const skipped: ParsedCatalog['skipped'] = [];
  claims.forEach((claim, i) => {
    const ref = `${file}#claim${i}`;
    const draft = claimToDraft(claim, cred, ref);
    if (draft) drafts.push({ draft, ref });
    else skipped.push({ ref, reason: 'claim without a title' });
  });
  return { format: 'edc', file, rowsRead: claims.length, drafts, skipped };
}
