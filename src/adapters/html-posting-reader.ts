import { parseHTML } from 'linkedom';
import { InputError } from '../core/errors.js';
import type { Posting, PostingDraft } from '../core/posting.js';
import { buildPosting } from '../core/posting/build-posting.js';
import { decodeText } from '../core/posting/read-text-posting.js';
import { readDocument } from '../core/readers/read-document.js';

export interface ReadHtmlOptions {
  url?: string | null;
  /** Force the posting language instead of detecting it. */
  language?: string;
}

/** Parse an HTML page with linkedom (no scripts run, nothing is fetched) and find its posting draft, or null. */
export function readHtmlDraft(input: string | Uint8Array, url: string | null = null): PostingDraft | null {
  const html = typeof input === 'string' ? input : decodeText(input);
  if (!html.trim()) {
    throw new InputError('empty_input', 'The page is empty. Check the file or URL, or paste the posting text instead.');
  }
  let doc: Document;
  try {
    doc = parseHTML(html).document as unknown as Document;
  } catch (cause) {
    throw new InputError('unreadable_html', 'The page could not be parsed as HTML. Paste the posting text instead.', {
      cause,
    });
  }
  return readDocument(doc, url);
}

/**
 * A `Posting` from an HTML page: site reader, JSON-LD, microdata or main content (see `readDocument`).
 * Throws InputError `no_posting_found` when the page holds no job posting.
 */
export function readHtmlPosting(input: string | Uint8Array, options: ReadHtmlOptions = {}): Posting {
  const url = options.url ?? null;
  const draft = readHtmlDraft(input, url);
  if (!draft) {
    throw new InputError(
      'no_posting_found',
      'No job posting was found on this page: it has no schema.org JobPosting, no known job-site layout, and its ' +
        'main text does not read like a job ad. Open the posting itself, or paste its text.',
    );
  }
  return buildPosting(draft, { language: options.language, sourceKind: url ? 'url' : 'html' });
}
