import type { DraftEntry } from '../../core/catalog/credential-entry.js';
import type { ParsedCatalog } from '../../core/catalog/parsed-catalog.js';
import { COURSERA_PROVIDER, courseraCost } from './coursera-estimates.js';
import type { ProgrammeRef } from './coursera-programs-csv.js';
import { csvRecords, numberCell, splitSemicolons } from './csv-records.js';

const HOURS_PER_MODULE = 4;

/** True when a CSV header looks like the Coursera courses scrape (`program_id`, `course_title`, `lo_skills`). */
export const isCourseraCoursesCsv = (header: string) => /\bprogram_id\b/.test(header) && /\bcourse_title\b/.test(header);

/**
 * Coursera courses, one row per (programme, course). `programmes` (from the programmes file) gives the awarding
 * body and the programme the course stacks into; without it those stay unknown.
 */
export function importCourseraCoursesCsv(text: string, file: string, programmes: ReadonlyMap<string, ProgrammeRef> = new Map()): ParsedCatalog {
  const { records, skipped } = csvRecords(text, file);
  const drafts: ParsedCatalog['drafts'] = [];
  for (const { line, row } of records) {
    const ref = `${file}:${line}`;
    const title = (row.course_title ?? '').trim();
    if (!title) {
      skipped.push({ ref, reason: 'no course title' });
      continue;
    }
    const prog = programmes.get((row.program_id ?? '').trim());
    const modules = numberCell(row.num_modules);
    const url = (row.url ?? '').trim();
    const draft: DraftEntry = {
      title,
      provider: COURSERA_PROVIDER,
      awardingBody: prog?.org ? [prog.org] : [],
      credentialType: 'Course',
      learningOutcomes: splitSemicolons(row.lo_description),
      workload: { hours: modules !== null ? Math.max(1, modules) * HOURS_PER_MODULE : null, ects: null, basis: 'estimated' },
      cost: courseraCost('course', 1),
      languages: ['en'],
      mode: 'online',
      participation: 'online, self-paced',
      stackableInto: prog ? [prog.title] : [],
      url: /^https?:\/\//.test(url) ? url : null,
      skillTexts: splitSemicolons(row.lo_skills),
      sources: [{ format: 'coursera-courses-csv', ref }],
    };
    drafts.push({ draft, ref });
  }
  return { format: 'coursera-courses-csv', file, rowsRead: records.length + skipped.length, drafts, skipped };
}
