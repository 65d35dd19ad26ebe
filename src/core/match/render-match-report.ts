import type { CellStatus, MatchMatrix } from './match-candidate.js';

const SYMBOL: Record<CellStatus, string> = { verified: '✅ verified', unverifiable: '❔ unverifiable', invalid: '❌ invalid', none: '—' };

export interface ReportMeta {
  postingTitle?: string | null;
  candidate?: string | null;
  generatedAt?: string;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function markdown(m: MatchMatrix, meta: ReportMeta): string {
  const lines: string[] = [];
  lines.push(`# Candidate evidence${meta.postingTitle ? ` for “${cellText(meta.postingTitle)}”` : ''}`, '');
  if (meta.candidate) lines.push(`Candidate: ${cellText(meta.candidate)}`, '');
  const e = m.coverage.essential;
  const o = m.coverage.optional;
  lines.push(`**Essential requirements backed by verified credentials: ${e.verified} of ${e.total} (${pct(e.ratio)}).** Optional: ${o.verified} of ${o.total}.`, '');
  lines.push('## Credentials', '', '| # | Credential | Outcome | Issuer | Trusted issuer |', '|---|---|---|---|---|');
  m.columns.forEach((c, i) => {
    const trusted = c.trusted === null ? 'not checked' : c.trusted ? 'yes' : 'no';
    lines.push(`| ${i + 1} | ${cellText(c.title ?? c.label)} (${cellText(c.label)}) | ${SYMBOL[c.outcome]} | ${cellText(c.issuer ?? 'unknown')} | ${trusted} |`);
  });
  lines.push('', '## Requirements × credentials', '');
  lines.push(`| Requirement | Importance | ${m.columns.map((_, i) => `#${i + 1}`).join(' | ')} |`);
  lines.push(`|---|---|${m.columns.map(() => '---').join('|')}|`);
  for (const r of m.rows) {
    const cells = r.cells.map((c) => (c.status === 'none' ? '—' : `${SYMBOL[c.status]}${c.via === 'narrower' ? ` (via ${cellText(c.evidence?.text ?? 'narrower skill')})` : ''}`));
    lines.push(`| ${cellText(r.requirement.label)} | ${r.requirement.importance} | ${cells.join(' | ')} |`);
  }
  if (m.essentialGaps.length) lines.push('', '## Essential requirements without verified evidence', '', ...m.essentialGaps.map((g) => `- ${g}`));
  if (m.notes.length) lines.push('', '## Notes', '', ...m.notes.map((n) => `- ${n}`));
  lines.push('', `_Only credentials whose signature, validity and status all checked out count as verified; “unverifiable” means a check could not be made (offline, no proof), not that it passed._`);
  if (meta.generatedAt) lines.push('', `_Generated ${meta.generatedAt} by SkillProof._`);
  return `${lines.join('\n')}\n`;
}

/** A report a recruiter can file: Markdown for people, or JSON (`{schemaVersion, meta, matrix}`) for systems. */
export function renderMatchReport(matrix: MatchMatrix, format: 'markdown' | 'json', meta: ReportMeta = {}): string {
  if (format === 'json') return `${JSON.stringify({ schemaVersion: '1.0', meta, matrix }, null, 2)}\n`;
  return markdown(matrix, meta);
}
