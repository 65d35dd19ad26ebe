import { FetchError, InputError } from '../core/errors.js';
import type { Posting } from '../core/posting.js';
import type { Fetcher } from '../ports/fetcher.js';
import { readPostingInput } from './posting-input-reader.js';

export interface ReadUrlOptions {
  language?: string;
  /** Largest page we read; the fetcher stops there with a FetchError. */
  maxBytes?: number;
  timeoutMs?: number;
}

const ACCEPT = 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1';

/**
 * A `Posting` from a URL, fetched through the SSRF-safe `Fetcher` port (the fetcher enforces size, time and address
 * policy). HTTP errors become FetchError `http_status`; what comes back is read like a file (HTML, PDF, text).
 */
export async function readUrlPosting(url: string, fetcher: Fetcher, options: ReadUrlOptions = {}): Promise<Posting> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError('invalid_url', `"${url}" is not a URL. Give a full http(s) address, e.g. https://example.com/job/42.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError('invalid_url', `Only http(s) URLs can be read, not ${parsed.protocol}. Save the page and give the file.`);
  }
  const result = await fetcher.fetch(parsed.href, {
    accept: ACCEPT,
    maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 15_000,
  });
  if (result.status >= 400) {
    throw new FetchError(
      'http_status',
      `The server answered ${result.status} for ${parsed.href}. Check the link is public, or save the page and give the file.`,
    );
  }
  return readPostingInput(result.body, { contentType: result.contentType, url: result.url, language: options.language });
}
