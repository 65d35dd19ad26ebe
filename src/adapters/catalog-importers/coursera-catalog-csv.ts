import type { DraftEntry } from '../../core/catalog/credential-entry.js';
import type { ParsedCatalog } from '../../core/catalog/parsed-catalog.js';
import { COURSERA_PROVIDER, courseraCost, courseraDuration, levelNote, splitCommaSkills } from './coursera-estimates.js';
import { csvRecords, numberCell } from './csv-records.js';

/** True when a CSV header looks like the Coursera catalogue with a `Gained Skills` column. */
export const isCourseraCatalogCsv = (header: string) => /\bGained Skills\b/.test(header) && /\bTitle\b/.test(header);

/**
 * The Coursera catalogue export (`Title`, `Institution`, `Learning Product`, `Duration`, `Gained Skills`): no URLs;
 * skills comma-separated; the same item may repeat under several subjects (merged later as duplicates).
 */
export function importCourseraCatalogCsv(text: string, file: string): ParsedCatalog {
  const { records, skipped } = csvRecords(text, file);
  const drafts: ParsedCatalog['drafts'] = [];
  for (const { line, row } of records) {
    const ref = `${file}:${line}`;
    const title = (row.Title ?? '').trim();
    const product = (row['Learning Product'] ?? '').trim();
    if (!title) {
      skipped.push({ ref, reason: 'no title' });
      continue;
    }
    const skills = splitCommaSkills(row['Gained Skills'] ?? '');
    const duration = courseraDuration(row.Duration ?? '');
    const rating = numberCell(row.Rate);
    const org = (row.Institution ?? '').trim();
    const draft: DraftEntry = {
      title,
      provider: COURSERA_PROVIDER,
      awardingBody: org ? [org] : [],
      credentialType: product || null,
      workload: { hours: duration?.hours ?? null, ects: null, basis: 'estimated' },
      cost: courseraCost(product, duration?.months ?? 1),
      durationText: (row.Duration ?? '').trim() || null,
      languages: ['en'],
      mode: 'online',
      participation: 'online, self-paced',
      prerequisites: levelNote(row.Level),
      rating: rating !== null && rating >= 0 && rating <= 5 ? rating : null,
      skillTexts: skills,
      sources: [{ format: 'coursera-catalog-csv', ref }],
    };
    drafts.push({ draft, ref });
  }
  return { format: 'coursera-catalog-csv', file, rowsRead: records.length + skipped.length, drafts, skipped };
}
