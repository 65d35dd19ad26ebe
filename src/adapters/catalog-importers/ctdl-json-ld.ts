import type { DraftEntry } from '../../core/catalog/credential-entry.js';
import type { ParsedCatalog } from '../../core/catalog/parsed-catalog.js';
import { asArray, countryCode, isEscoSkillUri, isObject, langString, languageCode, modeFromText, type Json } from './json-values.js';

const CREDENTIAL_TYPE = /^ceterms:(?!.*Organization)\w*(Degree|Certificate|Certification|Credential|Badge|Diploma|License|Award)\w*$/;
const CURRENCY: Readonly<Record<string, string>> = { 'us dollar': 'USD', euro: 'EUR', 'pound sterling': 'GBP' };

/** True for Credential Engine CTDL JSON-LD (an `@graph` of `ceterms:` nodes). */
export const isCtdl = (json: unknown): boolean => isObject(json) && Array.isArray(json['@graph']) && JSON.stringify(json['@context'] ?? '').includes('credreg');

/**
 * CTDL (Credential Registry) credentials: competencies come from `ceterms:requires[].ceterms:targetCompetency`
 * (ESCO URIs are declared skills; other competency names are mapped from text). Delivery, cost, QA body, language.
 */
export function importCtdlJsonLd(json: unknown, file: string): ParsedCatalog {
  const graph = isObject(json) ? asArray(json['@graph']).filter(isObject) : [];
  const byId = new Map(graph.map((n) => [String(n['@id']), n]));
  const nameOf = (id: unknown) => langString(byId.get(String(id))?.['ceterms:name']);
  const drafts: ParsedCatalog['drafts'] = [];
  const skipped: ParsedCatalog['skipped'] = [];
  graph.forEach((n, i) => {
    const ref = `${file}#${i}`;
    const type = String(n['@type'] ?? '');
    if (!CREDENTIAL_TYPE.test(type)) return;
    const title = langString(n['ceterms:name']);
    if (!title) return void skipped.push({ ref, reason: `${type} without ceterms:name` });
    const competencies = asArray(n['ceterms:requires']).filter(isObject).flatMap((c) => asArray(c['ceterms:targetCompetency']).filter(isObject));
    const skills = competencies
      .filter((c) => isEscoSkillUri(c['ceterms:targetNode']))
      .map((c) => ({ uri: String(c['ceterms:targetNode']), label: langString(c['ceterms:targetNodeName']) ?? '', provenance: 'declared' as const, confidence: 1, sourceText: null }));
    const texts = competencies.filter((c) => !isEscoSkillUri(c['ceterms:targetNode'])).map((c) => langString(c['ceterms:targetNodeName'])).filter((s): s is string => !!s);
    const delivery = asArray(n['ceterms:learningDeliveryType']).filter(isObject).map((d) => modeFromText(String(d['ceterms:targetNode'] ?? '')));
    const mode = new Set(delivery.filter(Boolean)).size > 1 ? 'hybrid' : (delivery.find(Boolean) ?? null);
    const costs = asArray(n['ceterms:estimatedCost']).filter(isObject).filter((c) => typeof c['ceterms:price'] === 'number');
    const currency = CURRENCY[String(costs[0]?.['ceterms:currency'] ?? '').toLowerCase()] ?? (String(costs[0]?.['ceterms:currency'] ?? '').match(/^[A-Z]{3}$/) ? String(costs[0]!['ceterms:currency']) : null);
    const amount = costs.reduce((s, c) => s + (c['ceterms:price'] as number), 0);
    const place = asArray(n['ceterms:availableAt']).find(isObject) as Json | undefined;
    const owners = [...asArray(n['ceterms:ownedBy']), ...asArray(n['ceterms:offeredBy'])].map(nameOf).filter((s): s is string => !!s);
    const qa = asArray(n['ceterms:accreditedBy']).map(nameOf).filter(Boolean);
    const withoutCompetencies = asArray(n['ceterms:requires']).filter(isObject).filter((c) => asArray(c['ceterms:targetCompetency']).length === 0);
    const draft: DraftEntry = {
      title,
      awardingBody: owners.length > 0 ? [...new Set(owners)] : place ? [langString(place['ceterms:name']) ?? ''].filter(Boolean) : [],
      country: countryCode(place?.['ceterms:addressCountry']),
      dateOfIssue: typeof n['ceterms:dateEffective'] === 'string' ? n['ceterms:dateEffective'] : null,
      learningOutcomes: texts,
      qualityAssurance: qa.length > 0 ? `Accredited by ${qa.join(', ')}` : null,
      provider: owners[0] ?? (place ? langString(place['ceterms:name']) : null),
      credentialType: type.replace('ceterms:', ''),
      cost: currency && costs.length > 0 ? { amount, currency, free: amount === 0 } : null,
      languages: asArray(n['ceterms:inLanguage']).map(languageCode).filter((s): s is string => !!s),
      mode,
      participation: delivery.length > 0 ? asArray(n['ceterms:learningDeliveryType']).filter(isObject).map((d) => langString(d['ceterms:targetNodeName'])).filter(Boolean).join(', ') : null,
      prerequisites: withoutCompetencies.map((c) => langString(c['ceterms:description'])).filter((s): s is string => !!s).map((s) => (s.length > 400 ? `${s.slice(0, 397)}…` : s)),
      verifiableFormat: 'unknown',
      url: typeof n['ceterms:subjectWebpage'] === 'string' ? n['ceterms:subjectWebpage'] : null,
      skills,
      skillTexts: texts,
      sources: [{ format: 'ctdl', ref: String(n['@id'] ?? ref) }],
    };
    drafts.push({ draft, ref });
  });
  if (drafts.length === 0 && skipped.length === 0) skipped.push({ ref: file, reason: 'no CTDL credential node (ceterms:…Certificate/Degree/Badge…) in @graph' });
  return { format: 'ctdl', file, rowsRead: graph.length, drafts, skipped };
}
