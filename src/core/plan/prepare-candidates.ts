import type { CredentialEntry } from '../catalog/credential-entry.js';
import type { PlanConstraints } from './plan-types.js';

/** Approximate conversion rates to EUR, used only to compare prices; override per call for current rates. */
export const DEFAULT_EUR_RATES: Readonly<Record<string, number>> = { EUR: 1, USD: 0.92, GBP: 1.17, CHF: 1.05, CAD: 0.67, AUD: 0.6, INR: 0.011 };

export interface PrepareOptions {
  /** Rates to EUR per currency code. */
  rates?: Readonly<Record<string, number>>;
  /** Cost counted for unpriced entries when `includeUnpriced` (default 0 plus a note). */
  unpricedCost?: number;
  /** Hours counted when an entry states neither hours nor ECTS (default 40). */
  unknownHours?: number;
}

export interface Candidate {
  entry: CredentialEntry;
  /** Integer cents in the plan currency. */
  costCents: number;
  /** Integer tenths of an hour. */
  hoursTenths: number;
  costEstimated: boolean;
  hoursEstimated: boolean;
  /** Indices into the gap-skill list. */
  covers: number[];
}

const HOURS_PER_ECTS = 25;
const lower = (s: string) => s.trim().toLowerCase();

function convert(amount: number, from: string, to: string, rates: Readonly<Record<string, number>>): number | null {
  const a = rates[from];
  const b = rates[to];
  return a === undefined || b === undefined ? null : (amount * a) / b;
}

/**
 * Apply the learner's constraints to the catalogue entries that close at least one gap skill, and put prices and
 * hours on one integer scale. Returns the kept candidates and, per reason, how many were dropped.
 */
export function prepareCandidates(
  entries: readonly { entry: CredentialEntry; covers: number[] }[],
  c: PlanConstraints,
  options: PrepareOptions = {},
): { candidates: Candidate[]; dropped: Record<string, number> } {
  const rates = options.rates ?? DEFAULT_EUR_RATES;
  const dropped: Record<string, number> = {};
  const drop = (reason: string) => (dropped[reason] = (dropped[reason] ?? 0) + 1);
  const only = c.providers?.map(lower);
  const never = c.excludeProviders?.map(lower);
  const candidates: Candidate[] = [];
  for (const { entry: e, covers } of entries) {
    if (covers.length === 0) continue;
    const who = [e.provider ?? '', ...e.awardingBody].map(lower).filter(Boolean);
    const unknownFails = (isUnknown: boolean) => isUnknown && c.strict;
    if (c.verifiableOnly && e.verifiableFormat !== 'ob3' && e.verifiableFormat !== 'edc') { drop('not issued as a verifiable credential'); continue; }
    if (c.eqfLevel !== undefined && (e.eqfLevel === null ? unknownFails(true) : e.eqfLevel !== c.eqfLevel)) { drop('EQF level'); continue; }
    if (c.maxEqfLevel !== undefined && (e.eqfLevel === null ? unknownFails(true) : e.eqfLevel > c.maxEqfLevel)) { drop('EQF level'); continue; }
    if (c.language && (e.languages.length === 0 ? unknownFails(true) : !e.languages.includes(c.language))) { drop('language'); continue; }
    if (c.mode && (e.mode === null ? unknownFails(true) : e.mode !== c.mode)) { drop('mode'); continue; }
    if (only && !who.some((w) => only.some((o) => w.includes(o)))) { drop('provider not in the list'); continue; }
    if (never && who.some((w) => never.some((o) => w.includes(o)))) { drop('excluded provider'); continue; }
    let cost: number | null;
    let costEstimated = false;
    if (e.cost === null) {
      if (!c.includeUnpriced) { drop('no known price'); continue; }
      cost = options.unpricedCost ?? 0;
      costEstimated = true;
    } else {
      cost = e.cost.free ? 0 : convert(e.cost.amount, e.cost.currency, c.currency, rates);
      costEstimated = e.cost.basis === 'estimated';
      if (cost === null) { drop(`no rate for ${e.cost.currency}`); continue; }
    }
    let hours = e.workload.hours ?? (e.workload.ects !== null ? e.workload.ects * HOURS_PER_ECTS : null);
    const hoursEstimated = hours === null || e.workload.basis === 'estimated' || e.workload.hours === null;
    hours ??= options.unknownHours ?? 40;
    candidates.push({ entry: e, costCents: Math.round(cost * 100), hoursTenths: Math.round(hours * 10), costEstimated, hoursEstimated, covers: [...new Set(covers)].sort((a, b) => a - b) });
  }
  return { candidates, dropped };
}
