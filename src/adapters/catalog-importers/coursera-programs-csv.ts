import type { DraftEntry } from '../../core/catalog/credential-entry.js';
import type { ParsedCatalog } from '../../core/catalog/parsed-catalog.js';
import { COURSERA_PROVIDER, courseraCost, levelNote } from './coursera-estimates.js';
import { csvRecords, numberCell, splitSemicolons } from './csv-records.js';

const HOURS_PER_COURSE = 20;

/** A programme row as the course importer needs it for joins. */
export interface ProgrammeRef {
  title: string;
  org: string | null;
}

/** True when a CSV header looks like the Coursera programmes scrape (`prog_title`, `prog_lo_skills`, …). */
export const isCourseraProgramsCsv = (header: string) => /\bprog_title\b/.test(header) && /\bprog_lo_skills\b/.test(header);

/**
 * Coursera Specializations and Professional Certificates (one row per programme): skills `;`-separated in
 * `prog_lo_skills`, outcomes in `prog_lo_description`. Price and hours are estimated from the number of courses.
 */
export function importCourseraProgramsCsv(text: string, file: string): ParsedCatalog & { programmes: Map<string, ProgrammeRef> } {
  const { records, skipped } = csvRecords(text, file);
  const drafts: ParsedCatalog['drafts'] = [];
  const programmes = new Map<string, ProgrammeRef>();
  for (const { line, row } of records) {
    const ref = `${file}:${line}`;
    const title = (row.prog_title ?? '').trim();
    if (!title) {
      skipped.push({ ref, reason: 'no programme title' });
      continue;
    }
    const org = (row.org ?? '').trim() || null;
    programmes.set((row[''] ?? row.id ?? '').trim(), { title, org });
    const courses = numberCell(row.num_courses) ?? 1;
    // The scrape shifted columns in a few rows: `difficulty` then holds a duration such as "3 months".
    const monthsCell = (row.difficulty ?? '').match(/^(\d+)\s*months?$/i);
    const months = monthsCell ? Number(monthsCell[1]) : courses;
    const rating = numberCell(row.rating);
    let url: string | null = (row.url ?? '').trim() || null;
    if (url && !/^https?:\/\//.test(url)) url = null;
    const draft: DraftEntry = {
      title,
      provider: COURSERA_PROVIDER,
      awardingBody: org ? [org] : [],
      credentialType: (row.cert_type ?? '').trim() || null,
      learningOutcomes: splitSemicolons(row.prog_lo_description),
      workload: { hours: courses * HOURS_PER_COURSE, ects: null, basis: 'estimated' },
      cost: courseraCost('programme', months),
      durationText: monthsCell ? `${months} months` : `${courses} course(s)`,
      languages: ['en'],
      mode: 'online',
      participation: 'online, self-paced',
      prerequisites: monthsCell ? [] : levelNote(row.difficulty),
      url,
      rating: rating !== null && rating <= 5 ? rating : null,
      skillTexts: splitSemicolons(row.prog_lo_skills),
      sources: [{ format: 'coursera-programs-csv', ref }],
    };
    drafts.push({ draft, ref });
  }
  return { format: 'coursera-programs-csv', file, rowsRead: records.length + skipped.length, drafts, skipped, programmes };
}
