import type { CredentialEntry } from './credential-entry.js';

/** The mandatory elements of a micro-credential (Council Recommendation 2022/C 243/02, Annex I, part I). */
export const EU_ELEMENTS = [
  'title',
  'awardingBody',
  'country',
  'dateOfIssue',
  'learningOutcomes',
  'workload',
  'eqfLevel',
  'assessment',
  'participation',
  'qualityAssurance',
] as const;
export type EuElement = (typeof EU_ELEMENTS)[number];

export interface Completeness {
  /** Share of the EU elements present, 0–1 (present / 10). */
  score: number;
  present: EuElement[];
  missing: EuElement[];
}

const filled = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

const CHECKS: Readonly<Record<EuElement, (e: CredentialEntry) => boolean>> = {
  title: (e) => filled(e.title),
  awardingBody: (e) => e.awardingBody.some(filled),
  country: (e) => filled(e.country),
  dateOfIssue: (e) => filled(e.dateOfIssue),
  learningOutcomes: (e) => e.learningOutcomes.some(filled),
  workload: (e) => e.workload.hours !== null || e.workload.ects !== null,
  eqfLevel: (e) => e.eqfLevel !== null,
  assessment: (e) => filled(e.assessment),
  participation: (e) => filled(e.participation) || e.mode !== null,
  qualityAssurance: (e) => filled(e.qualityAssurance),
};

/** Which EU mandatory elements an entry carries, and its completeness score (present ÷ 10). */
export function assessCompleteness(entry: CredentialEntry): Completeness {
  const present = EU_ELEMENTS.filter((k) => CHECKS[k](entry));
  const missing = EU_ELEMENTS.filter((k) => !CHECKS[k](entry));
  return { score: present.length / EU_ELEMENTS.length, present, missing };
}
