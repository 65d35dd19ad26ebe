import { formatMoney } from '../core/plan/explain-plan.js';
import type { Plan } from '../core/plan/plan-types.js';

/** Plan report for a terminal (`md` = Markdown). */
export function renderPlan(p: Plan, format: 'text' | 'md'): string {
  const money = (x: number) => formatMoney(x, p.currency);
  const out: string[] = [];
  const h = (s: string) => (format === 'md' ? `## ${s}` : s);
  if (!p.feasible) {
    out.push(h('No plan under your limits'));
    for (const n of p.notes) out.push(`- ${n}`);
    if (p.withoutLimits) out.push('', `${p.withoutLimits.label}: ${p.withoutLimits.titles.join(' + ')} — ${money(p.withoutLimits.totalCost)}, ${p.withoutLimits.totalHours} h`);
    return `${out.join('\n')}\n`;
  }
  out.push(h(`Plan: ${p.items.length} credential(s), ${money(p.totalCost)}, ${p.totalHours} h`));
  out.push(`${p.optimal ? 'Proven least cost, then least time' : 'Good plan, not proven optimal'} (${p.method}; ${p.candidates.afterPruning} of ${p.candidates.considered} candidates modelled). Closes ${p.covered.length} gap skill(s).`, '');
  p.items.forEach((it, i) => {
    const est = it.costEstimated || it.hoursEstimated ? ' (estimate)' : '';
    const trust = `EU elements ${Math.round(it.completeness * 10)}/10${it.verifiable ? ', verifiable credential' : ''}`;
    if (format === 'md') {
      out.push(`${i + 1}. **${it.title}** — ${it.provider}, ${money(it.cost)}, ${it.hours} h${est}${it.url ? ` — [link](${it.url})` : ''}`, `   - closes: ${it.covers.map((c) => c.label).join(', ')}`, `   - why: ${it.why}`, `   - ${trust}`);
    } else {
      out.push(`${i + 1}. ${it.title} — ${it.provider}  ${money(it.cost)}  ${it.hours} h${est}`, `   closes: ${it.covers.map((c) => c.label).join(', ')}`, `   why: ${it.why}`, `   ${trust}`);
      if (it.url) out.push(`   ${it.url}`);
    }
  });
  if (p.uncovered.length > 0) out.push('', `Not taught by any acceptable credential: ${p.uncovered.map((u) => u.label).join(', ')}`);
  if (p.alternatives.length > 0) {
    out.push('', format === 'md' ? '### Alternatives' : 'Alternatives');
    for (const a of p.alternatives) out.push(`${format === 'md' ? '- ' : '  '}${a.label}: ${a.titles.join(' + ')} — ${money(a.totalCost)}, ${a.totalHours} h`);
  }
  const notes = p.notes.filter((n) => !/^No acceptable credential/.test(n));
  if (notes.length > 0) out.push('', ...notes.map((n) => `Note: ${n}`));
  return `${out.join('\n')}\n`;
}
