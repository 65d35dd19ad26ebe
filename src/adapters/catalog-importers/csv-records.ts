import type { SkippedRecord } from '../../core/catalog/parsed-catalog.js';
import { parseCsv, type CsvRecord } from '../csv-rows.js';

/** CSV records of a catalogue file; malformed records are skipped and reported as `file:line`, never thrown. */
export function csvRecords(text: string, file: string): { records: CsvRecord[]; skipped: SkippedRecord[] } {
  const { records, skipped } = parseCsv(text);
  return { records, skipped: skipped.map((s) => ({ ref: `${file}:${s.line}`, reason: s.reason })) };
}

/** Split a `;`-separated cell into trimmed, non-empty values. */
export function splitSemicolons(cell: string | undefined): string[] {
  return (cell ?? '').split(';').map((s) => s.trim()).filter(Boolean);
}

/** A number from a cell like `"2,622,524"` or `4.6`; null when empty or not a number. */
export function numberCell(cell: string | undefined): number | null {
  const s = (cell ?? '').replace(/,/g, '').trim();
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
