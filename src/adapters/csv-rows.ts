import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { DataError } from '../core/errors.js';

/** One row that could not be used, with where it was and why. */
export interface SkippedRow {
  file: string;
  line: number;
  reason: string;
}

/** Running tally of a multi-file import: rows read and rows skipped, per file. */
export interface LoadReport {
  read: Record<string, number>;
  skipped: SkippedRow[];
}

export function emptyReport(): LoadReport {
  return { read: {}, skipped: [] };
}

export interface CsvReadOptions {
  /** Throw on the first bad row instead of skipping it. */
  strict: boolean;
  report: LoadReport;
}

/**
 * Parse a CSV file with a header row (RFC 4180, multi-line quoted fields) and validate each record with `schema`.
 * Bad rows are recorded in the report with file and line, and skipped — or fatal when `strict`.
 */
export function readCsvRows<S extends z.ZodTypeAny>(path: string, schema: S, options: CsvReadOptions): z.infer<S>[] {
  const file = basename(path);
  const { report, strict } = options;
  const skip = (line: number, reason: string) => {
    if (strict) throw new DataError('csv_row_invalid', `${file} line ${line}: ${reason}. Fix or remove that row, or load without --strict.`);
    report.skipped.push({ file, line, reason });
  };
  let csv: ReturnType<typeof parseCsv>;
  try {
    csv = parseCsv(readFileSync(path));
  } catch (cause) {
    throw new DataError('csv_unreadable', `Cannot parse ${file}: ${(cause as Error).message}. Is it the official ESCO CSV export?`, { cause });
  }
  for (const bad of csv.skipped) skip(bad.line, bad.reason);
  const rows: z.infer<S>[] = [];
  for (const { line, row } of csv.records) {
    const parsed = schema.safeParse(row);
    if (parsed.success) rows.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      skip(line, `${issue.path.join('.') || 'row'}: ${issue.message}`);
    }
  }
  report.read[file] = (report.read[file] ?? 0) + csv.records.length;
  return rows;
}

/** A CSV record with the line where it ends (csv-parse counts that line). */
export interface CsvRecord {
  line: number;
  row: Record<string, string>;
}

/**
 * Parse CSV with a header row (RFC 4180, quoted fields may span lines; header names trimmed). Malformed records
 * are returned in `skipped` — once per record, with the first reason — never thrown.
 */
export function parseCsv(input: string | Uint8Array): { records: CsvRecord[]; skipped: { line: number; reason: string }[] } {
  const skipped: { line: number; reason: string }[] = [];
  const parsed = parse(input, {
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: false,
    skip_records_with_error: true,
    on_skip: (err) => {
      const line = Number((err as { lines?: number } | undefined)?.lines ?? 0);
      if (skipped[skipped.length - 1]?.line !== line) skipped.push({ line, reason: err?.message ?? 'unparseable record' });
      return undefined;
    },
  }) as { info: { lines: number }; record: Record<string, string> }[];
  return { records: parsed.map((p) => ({ line: p.info.lines, row: p.record })), skipped };
}

/** Split ESCO's multi-valued cells (one value per line inside a quoted field). */
export function splitLines(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
