import type { PostingDraft } from '../posting.js';

/**
 * One way of finding a job posting in a page. `read` returns null when the page is not shaped the way this reader
 * expects, so `readDocument` can try the next one.
 */
export interface DocumentReader {
  readonly name: string;
  read(doc: Document, url: string | null): PostingDraft | null;
}

/** Collapse whitespace and turn empty strings into null, for title/organisation/location fields. */
export function cleanField(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 300) : null;
}

/** Hostname of a URL, lower-cased, or '' when there is none or it does not parse. */
export function hostOf(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
