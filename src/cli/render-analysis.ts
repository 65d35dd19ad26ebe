import type { PostingAnalysis, SkillMatch } from '../core/analysis.js';

const bar = (x: number, width = 10) => '█'.repeat(Math.round(x * width)).padEnd(width, '░');

function evidenceOf(s: SkillMatch): string {
  const e = s.evidence[0];
  if (!e) return '';
  const extra = [s.years ? `${s.years}+ years` : null, s.level].filter(Boolean).join(', ');
  return `“${e.mention}”${extra ? ` (${extra})` : ''}`;
}

/** A terminal report: skills grouped essential / optional / implied, each with confidence and evidence. */
export function renderAnalysisText(a: PostingAnalysis): string {
  const out: string[] = [];
  const p = a.posting;
  out.push(`${p.title ?? 'Untitled posting'}${p.organisation ? ` — ${p.organisation}` : ''}${p.location ? ` (${p.location})` : ''}`);
  out.push(`language ${p.language} · ${p.sentenceCount} sentences · ${a.skills.length} skills · model ${a.model.embedder} · ESCO ${a.model.escoVersion}`);
  for (const importance of ['essential', 'optional'] as const) {
    const list = a.skills.filter((s) => s.importance === importance);
    out.push('', `${importance === 'essential' ? 'Essential' : 'Nice to have'} (${list.length})`);
    for (const s of list) out.push(`  ${bar(s.score)} ${s.score.toFixed(2)}  ${s.label}  [${s.skillType}]`, `      ${evidenceOf(s)}  ${s.escoUri}`);
  }
  if (a.occupations.length) {
    out.push('', `Likely occupation: ${a.occupations.map((o) => `${o.label} (${o.score.toFixed(2)})`).join(' · ')}`);
  }
  if (a.implied.length) {
    out.push(`Implied by that occupation, not stated (${a.implied.length}): ${a.implied.map((s) => s.label).join('; ')}`);
  }
  for (const n of a.notes) out.push('', `Note: ${n}`);
  return `${out.join('\n')}\n`;
}

const md = (s: string) => s.replace(/([|*_`[\]\\<>])/g, '\\$1');

/** The same report as Markdown, to paste into a ticket or a note. */
export function renderAnalysisMarkdown(a: PostingAnalysis): string {
  const p = a.posting;
  const out = [`# ${md(p.title ?? 'Untitled posting')}`, '', `${md(p.organisation ?? '')} ${p.location ? `· ${md(p.location)}` : ''} · language \`${p.language}\` · ESCO ${a.model.escoVersion}`];
  for (const importance of ['essential', 'optional'] as const) {
    const list = a.skills.filter((s) => s.importance === importance);
    out.push('', `## ${importance === 'essential' ? 'Essential' : 'Nice to have'} (${list.length})`, '', '| skill | type | confidence | evidence |', '|---|---|---:|---|');
    for (const s of list) out.push(`| [${md(s.label)}](${s.escoUri}) | ${s.skillType} | ${s.score.toFixed(2)} | ${md(evidenceOf(s))} |`);
  }
  if (a.occupations.length) out.push('', '## Occupation', '', ...a.occupations.map((o) => `- [${md(o.label)}](${o.escoUri}) — ${o.score.toFixed(2)}`));
  if (a.implied.length) out.push('', '## Implied by the occupation (not stated)', '', ...a.implied.map((s) => `- [${md(s.label)}](${s.escoUri})`));
  if (a.notes.length) out.push('', ...a.notes.map((n) => `> ${md(n)}`));
  return `${out.join('\n')}\n`;
}
