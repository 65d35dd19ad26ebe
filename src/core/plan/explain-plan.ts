import { assessCompleteness } from '../catalog/assess-completeness.js';
import type { Candidate } from './prepare-candidates.js';
import type { PlanItem, PlanSummary, SkillRef } from './plan-types.js';

const SYMBOL: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£' };

/** `€49`, `$12.50`, `120 CHF`. */
export function formatMoney(amount: number, currency: string): string {
  const n = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  const s = SYMBOL[currency];
  return s ? `${s}${n}` : `${n} ${currency}`;
}

/** Describe the chosen candidates: what each closes, what only it closes, and why it is there. */
export function explainItems(chosen: readonly Candidate[], gap: readonly SkillRef[], currency: string): PlanItem[] {
  const count = new Map<number, number>();
  for (const c of chosen) for (const e of c.covers) count.set(e, (count.get(e) ?? 0) + 1);
  return chosen.map((c) => {
    const e = c.entry;
    const covers = c.covers.map((i) => gap[i]!);
    const only = c.covers.filter((i) => count.get(i) === 1).map((i) => gap[i]!);
    const cost = c.costCents / 100;
    const hours = c.hoursTenths / 10;
    const stack = e.stackableInto.length > 0 ? `; counts towards ${e.stackableInto.join(', ')}` : '';
    const closes = only.length > 0 ? `the only choice here for ${only.map((s) => s.label).join(', ')}` : `closes ${covers.map((s) => s.label).join(', ')}`;
    return {
      id: e.id,
      title: e.title,
      provider: e.provider ?? e.awardingBody[0] ?? 'unknown provider',
      cost,
      currency,
      costEstimated: c.costEstimated,
      hours,
      hoursEstimated: c.hoursEstimated,
      eqfLevel: e.eqfLevel,
      mode: e.mode,
      languages: e.languages,
      verifiable: e.verifiableFormat === 'ob3' || e.verifiableFormat === 'edc',
      completeness: assessCompleteness(e).score,
      url: e.url,
      stackableInto: e.stackableInto,
      covers,
      onlyThisCloses: only,
      why: `${closes} (${formatMoney(cost, currency)}${c.costEstimated ? ' est.' : ''}, ${hours} h${c.hoursEstimated ? ' est.' : ''})${stack}`,
    };
  });
}

/** One-line summary of a set of candidates, for alternatives and "without limits" answers. */
export function summarize(label: string, chosen: readonly Candidate[]): PlanSummary {
  return {
    label,
    itemIds: chosen.map((c) => c.entry.id),
    titles: chosen.map((c) => c.entry.title),
    totalCost: chosen.reduce((s, c) => s + c.costCents, 0) / 100,
    totalHours: chosen.reduce((s, c) => s + c.hoursTenths, 0) / 10,
  };
}
