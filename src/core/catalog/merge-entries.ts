import type { CredentialEntry, CredentialSkill } from './credential-entry.js';

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

function mergeSkills(a: readonly CredentialSkill[], b: readonly CredentialSkill[]): CredentialSkill[] {
  const byUri = new Map<string, CredentialSkill>();
  for (const s of [...a, ...b]) {
    const prev = byUri.get(s.uri);
    // Declared beats inferred; among equals keep the more confident.
    if (
      !prev ||
      (prev.provenance === 'inferred' && s.provenance === 'declared') ||
      (prev.provenance === s.provenance && s.confidence > prev.confidence)
    ) {
      byUri.set(s.uri, s);
    }
  }
  return [...byUri.values()];
}

/**
 * Merge two descriptions of the same offering: `base` wins on scalar fields it has, `extra` fills the gaps;
 * lists are united; skills keep the strongest evidence per URI.
 */
export function mergeEntries(base: CredentialEntry, extra: CredentialEntry): CredentialEntry {
  const pick = <T>(x: T | null, y: T | null): T | null => (x !== null ? x : y);
  const mappedTexts = new Set([...base.skills, ...extra.skills].map((s) => s.sourceText).filter(Boolean));
  return {
    ...base,
    awardingBody: union(base.awardingBody, extra.awardingBody),
    country: pick(base.country, extra.country),
    dateOfIssue: pick(base.dateOfIssue, extra.dateOfIssue),
    learningOutcomes: union(base.learningOutcomes, extra.learningOutcomes),
    workload:
      base.workload.hours !== null || base.workload.ects !== null
        ? base.workload.basis === 'estimated' && extra.workload.basis === 'declared' && extra.workload.hours !== null
          ? extra.workload
          : base.workload
        : extra.workload,
    eqfLevel: pick(base.eqfLevel, extra.eqfLevel),
    assessment: pick(base.assessment, extra.assessment),
    participation: pick(base.participation, extra.participation),
    qualityAssurance: pick(base.qualityAssurance, extra.qualityAssurance),
    provider: pick(base.provider, extra.provider),
    credentialType: pick(base.credentialType, extra.credentialType),
    cost: base.cost && !(base.cost.basis === 'estimated' && extra.cost?.basis === 'declared') ? base.cost : (extra.cost ?? base.cost),
    durationText: pick(base.durationText, extra.durationText),
    languages: union(base.languages, extra.languages),
    mode: pick(base.mode, extra.mode),
    prerequisites: union(base.prerequisites, extra.prerequisites),
    stackableInto: union(base.stackableInto, extra.stackableInto),
    verifiableFormat: base.verifiableFormat !== 'unknown' ? base.verifiableFormat : extra.verifiableFormat,
    url: pick(base.url, extra.url),
    skills: mergeSkills(base.skills, extra.skills),
    unmappedSkills: union(base.unmappedSkills, extra.unmappedSkills).filter((t) => !mappedTexts.has(t)),
    rating: pick(base.rating, extra.rating),
    sources: [...base.sources, ...extra.sources.filter((s) => !base.sources.some((b) => b.format === s.format && b.ref === s.ref))],
  };
}
