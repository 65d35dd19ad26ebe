import type { ImportReport } from '../service/import-catalog.js';

/** Import report: per file, skills mapped, skips with line and reason (first 20), duplicates merged. */
export function renderImportReport(r: ImportReport, format: 'text' | 'md'): string {
  const out: string[] = [];
  const li = format === 'md' ? '- ' : '  ';
  out.push(format === 'md' ? '## Catalogue import' : 'Catalogue import');
  for (const f of r.files) out.push(`${li}${f.file} (${f.format}): ${f.rowsRead} rows read, ${f.entries} entries, ${f.skipped} skipped`);
  const s = r.skills;
  out.push(
    '',
    `${r.entries} entries after merging ${r.duplicatesMerged} duplicate(s); ${r.inserted} new; catalogue now holds ${r.catalogSize}.`,
    `Skills: ${s.distinctTexts} distinct free-text skills, ${s.mapped} mapped to ESCO (${Math.round(s.shareMapped * 100)}% at score ≥ ${s.minScore}), ${s.unmapped} unmapped; ${s.declared} declared ESCO skills${s.unknownUris ? `, ${s.unknownUris} unknown URIs dropped` : ''}.`,
    `Time: read ${Math.round(r.timings.readMs)} ms, map ${Math.round(r.timings.mapMs)} ms, store ${Math.round(r.timings.storeMs)} ms.`,
  );
  if (r.topUnmapped.length > 0) out.push('', `Most frequent unmapped: ${r.topUnmapped.slice(0, 10).map((u) => `${u.text} (${u.count})`).join(', ')}`);
  if (r.skipped.length > 0) {
    out.push('', `Skipped (${r.skipped.length}):`);
    for (const k of r.skipped.slice(0, 20)) out.push(`${li}${k.ref}: ${k.reason}`);
    if (r.skipped.length > 20) out.push(`${li}… ${r.skipped.length - 20} more (use --json for all)`);
  }
  for (const n of r.notes) out.push('', `Note: ${n}`);
  return `${out.join('\n')}\n`;
}
