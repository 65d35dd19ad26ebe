import { parse } from 'csv-parse/sync';
import type { SkippedRecord } from '../../core/catalog/parsed-catalog.js';

/**
 * Parse CSV text with a header row (quoted fields may span lines). Malformed records are skipped and reported
 * with the line where they end, never thrown.
 */
export function csvRecords(text: string, file: string): { records: { line: number; row: Record<string, string> }[]; skipped: SkippedRecord[] } {
  const skipped: SkippedRecord[] = [];
  const parsed = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: false,
    skip_records_with_error: true,
    on_skip: (err) => {
      const ref = `${file}:${(err as { lines?: number } | undefined)?.lines ?? '?'}`;
      // One broken record can raise several parser errors; report it once, with the first reason.
      if (skipped[skipped.length - 1]?.ref !== ref) skipped.push({ ref, reason: err?.message ?? 'unparseable record' });
      return undefined;
    },
  }) as { info: { lines: number }; record: Record<string, string> }[];
  return { records: parsed.map((p) => ({ line: p.info.lines, row: p.record })), skipped };
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
