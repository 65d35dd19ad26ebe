import { PostingDraftSchema, type PostingDraft } from '../posting.js';
import type { DocumentReader } from './document-reader.js';
import { genericReader } from './generic-reader.js';
import { jsonLdReader } from './json-ld-reader.js';
import { microdataReader } from './microdata-reader.js';
import { siteFor, siteReaders } from './site-readers.js';

/** All readers, most specific first after the site reader: the order `readDocument` tries them in. */
export const documentReaders: readonly DocumentReader[] = Object.freeze([jsonLdReader, microdataReader, genericReader]);

/**
 * Find the job posting in a page: the job site's own reader (by hostname, then by its markup), then schema.org
 * JSON-LD, then microdata, then the generic main-content reader. Pure DOM code: runs in Node (linkedom) and in a
 * browser content script alike. Returns null when the page holds no posting.
 *
 * @example readDocument(document, location.href)?.text
 */
export function readDocument(doc: Document, url: string | null = null): PostingDraft | null {
  const site = siteFor(doc, url);
  const ordered = [...siteReaders.filter((r) => r.name === site), ...documentReaders];
  for (const reader of ordered) {
    const draft = reader.read(doc, url);
    if (!draft) continue;
    // Scraped pages are untrusted input: check the draft's shape before anything downstream relies on it.
    const checked = PostingDraftSchema.safeParse(draft);
    if (checked.success) return checked.data;
  }
  return null;
}
