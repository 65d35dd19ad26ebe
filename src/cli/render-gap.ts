import type { GapReport } from '../service/gap.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const RELATION: Record<string, string> = { exact: 'held', narrower: 'held (narrower skill)', broader: 'broader skill held', related: 'related skill held' };

/** Gap report for a terminal (`md` = Markdown table). */
export function renderGap(r: GapReport, format: 'text' | 'md'): string {
  const g = r.gap;
  const title = r.posting ? `${r.posting.title ?? 'Posting'}${r.posting.organisation ? ` — ${r.posting.organisation}` : ''}` : 'Required skills';
  const who = r.profile.name ?? 'profile';
  const out: string[] = [];
  if (format === 'md') {
    out.push(`## Skill gap: ${title}`, '', `**Match ${pct(g.score)}** (verified evidence only: ${pct(g.verifiedScore)}) for ${who}, ${r.profile.skills} skills held, ${r.profile.verifiedSkills} verified.`, '');
    out.push('| Skill | Importance | Weight | Coverage | Verified | How |', '|---|---|---|---|---|---|');
    for (const q of g.requirements) {
      out.push(`| ${q.label} | ${q.importance} | ${q.weight} | ${q.coverage} | ${q.verifiedCoverage} | ${q.match ? `${RELATION[q.match.relation]}: ${q.match.heldLabel}${q.match.verified ? ' ✔' : ''}` : 'missing'} |`);
    }
    out.push('', `Score: ${g.formula}.`, `= ${g.totals.covered.toFixed(2)} / ${g.totals.weightSum.toFixed(2)} = ${g.score.toFixed(3)}`);
  } else {
    out.push(`${title}`, `Match ${pct(g.score)} · verified ${pct(g.verifiedScore)} · ${who}: ${r.profile.skills} skills (${r.profile.verifiedSkills} verified)`, '');
    for (const status of ['missing', 'partial', 'covered'] as const) {
      const list = g.requirements.filter((q) => q.status === status);
      if (list.length === 0) continue;
      out.push(`${status[0]!.toUpperCase()}${status.slice(1)} (${list.length})`);
      for (const q of list) {
        const how = q.match ? ` ← ${RELATION[q.match.relation]}: ${q.match.heldLabel}${q.match.verified ? ' [verified]' : ' [claimed]'}` : '';
        out.push(`  ${q.importance === 'essential' ? '●' : '○'} ${q.label}  w=${q.weight} c=${q.coverage}${how}`);
      }
      out.push('');
    }
    out.push(`score = ${g.totals.covered.toFixed(2)} / ${g.totals.weightSum.toFixed(2)} = ${g.score.toFixed(3)}   (${g.formula})`);
  }
  for (const n of g.notes) out.push('', `Note: ${n}`);
  return `${out.join('\n')}\n`;
}
