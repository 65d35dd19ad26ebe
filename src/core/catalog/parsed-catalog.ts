import type { DraftEntry } from './credential-entry.js';

/** A row or record an importer could not use, with where it was and why. */
export interface SkippedRecord {
  /** File name and line or record index, e.g. `prog_scraped.csv:42`. */
  ref: string;
  reason: string;
}

/** What one importer made of one file: drafts still to be ESCO-mapped, and what it skipped. */
export interface ParsedCatalog {
  format: string;
  file: string;
  rowsRead: number;
  drafts: { draft: DraftEntry; ref: string }[];
  skipped: SkippedRecord[];
}
