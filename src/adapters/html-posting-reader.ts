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

// Scripts, styles, inline SVG and comments are most of a large page's bytes and carry no posting text; dropping them
// before parsing keeps a 5 MB page fast. JSON-LD scripts are kept: they are the structured posting.
const HEAVY = /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<(style|svg|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

// Building a DOM costs about 0.2 s per MB here; past this size only the part of the page around the posting is
// parsed (a page that big is mostly listings, comments or inline data around one ad).
const MAX_PARSE_CHARS = 1_500_000;
const POSTING_MARKERS = /jobDescriptionText|show-more-less-html__markup|jobs-description__content|jobPostingDescription|job-ad-content|posting-headline|job__description|app_body|schema\.org\/JobPosting|<main\b|<article\b/i;
const JSON_LD = /<script\b[^>]*ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi;

/** The slice of a large page worth parsing: from a little before the first posting marker, plus all JSON-LD. */
export function narrowHtml(html: string): string {
  if (html.length <= MAX_PARSE_CHARS) return html;
  const marker = html.search(POSTING_MARKERS);
  const start = marker > MAX_PARSE_CHARS / 2 ? html.lastIndexOf('<', marker - 50_000) : 0;
  // Keep the <head> (title, meta) when it is small; never cut into the middle of an element.
  const headEnd = html.search(/<\/head\s*>/i);
  const head = start > 0 && headEnd > 0 && headEnd < 200_000 ? `${html.slice(0, headEnd)}</head><body>` : '';
  const jsonLd = (html.match(JSON_LD) ?? []).join('\n');
  return head + html.slice(Math.max(0, start), Math.max(0, start) + MAX_PARSE_CHARS) + jsonLd;
}

/** Parse an HTML page with linkedom (no scripts run, nothing is fetched) and find its posting draft, or null. */
export function readHtmlDraft(input: string | Uint8Array, url: string | null = null): PostingDraft | null {
  const html = typeof input === 'string' ? input : decodeText(input);
  if (!html.trim()) {
    throw new InputError('empty_input', 'The page is empty. Check the file or URL, or paste the posting text instead.');
  }
  try {
    let markup = narrowHtml(html.replace(HEAVY, ' '));
    // linkedom builds no <html> element for a fragment; give it one so readers always have a document to walk.
    if (!/<html[\s>]/i.test(markup)) markup = `<!DOCTYPE html><html><head></head><body>${markup}</body></html>`;
    const doc = parseHTML(markup).document as unknown as Document;
    if (!doc.documentElement) throw new Error('no document element');
    return readDocument(doc, url);
  } catch (cause) {
    // Broken markup can trip the parser or a reader; the user can still paste the text.
    throw new InputError('unreadable_html', 'The page could not be read as HTML. Paste the posting text instead.', {
      cause,
    });
  }
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
