import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { readHtmlPosting } from '../../../src/adapters/html-posting-reader.js';
import { readPdfPosting } from '../../../src/adapters/pdf-posting-reader.js';
import { readPostingInput } from '../../../src/adapters/posting-input-reader.js';
import { readUrlPosting } from '../../../src/adapters/url-posting-reader.js';
import { FetchError } from '../../../src/core/errors.js';
import { extractMentions } from '../../../src/core/mentions/extract-mentions.js';
import type { Fetcher, FetchOptions, FetchResult } from '../../../src/ports/fetcher.js';
import { fixture, makeLargePage, makePdf } from './fixtures.js';

const PDF_LINES = [
  'Warehouse Systems Analyst',
  'Requirements',
  '- 3 years of experience with SAP EWM',
  '- Good knowledge of SQL and Excel',
  'Nice to have',
  '- Experience with Power BI',
];

/** A fake Fetcher serving fixed answers by URL and recording what it was asked. */
class FakeFetcher implements Fetcher {
  readonly calls: { url: string; options?: FetchOptions }[] = [];
  constructor(private readonly answers: Record<string, Partial<FetchResult> & { body: Uint8Array }>) {}
  async fetch(url: string, options?: FetchOptions): Promise<FetchResult> {
    this.calls.push({ url, options });
    const answer = this.answers[url];
    if (!answer) return { url, status: 404, contentType: 'text/html', body: new Uint8Array(), fromMirror: false };
    return { url, status: 200, contentType: null, fromMirror: false, ...answer };
  }
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('PDF reader', () => {
  it('reads the text layer into sections and mentions', async () => {
    const posting = await readPdfPosting(makePdf(PDF_LINES));
    expect(posting.source.kind).toBe('pdf');
    expect(posting.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['requirements', 'nice-to-have']));
    const mentions = extractMentions(posting).map((m) => m.text);
    expect(mentions).toEqual(expect.arrayContaining(['SAP EWM', 'SQL', 'Excel', 'Power BI']));
  });

  it('refuses a password-protected PDF, saying what to do', async () => {
    await expect(readPdfPosting(makePdf(PDF_LINES, { encrypted: true }))).rejects.toMatchObject({
      code: 'pdf_encrypted',
      message: expect.stringMatching(/unprotected copy|paste/),
    });
  });

  it('refuses a non-PDF, a damaged PDF and a PDF without a text layer, saying what to do', async () => {
    await expect(readPdfPosting(utf8('hello'))).rejects.toMatchObject({ code: 'not_pdf' });
    await expect(readPdfPosting(utf8('%PDF-1.4\nthis is not really a pdf'))).rejects.toMatchObject({ code: 'pdf_unreadable' });
    await expect(readPdfPosting(makePdf([]))).rejects.toMatchObject({ code: 'pdf_no_text', message: expect.stringMatching(/OCR/) });
  });
});

describe('readPostingInput', () => {
  it('sniffs PDF, HTML, Markdown and plain text', async () => {
    expect((await readPostingInput(makePdf(PDF_LINES))).source.reader).toBe('pdf');
    expect((await readPostingInput(utf8(fixture('pages/lever-job.html')))).source.reader).toBe('lever');
    expect((await readPostingInput(utf8(fixture('postings/en-markdown-posting.md')))).source.kind).toBe('markdown');
    const text = await readPostingInput(utf8(fixture('postings/de-plain-posting.txt')), { fileName: 'ad.txt' });
    expect(text.source.kind).toBe('text');
    expect(text.language).toBe('de');
  });

  it('decodes a page in the charset it declares', async () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body><div id="jobDescriptionText"><h2>Ihr Profil</h2><ul><li>Gute Kenntnisse in SQL und Englisch für Gespräche</li></ul></div></body></html>';
    const latin1 = Uint8Array.from(html, (c) => c.charCodeAt(0));
    const posting = await readPostingInput(latin1, { url: 'https://de.indeed.com/viewjob?jk=2' });
    expect(posting.text).toContain('Englisch für Gespräche');
  });

  it('refuses empty, binary and media input with clear codes', async () => {
    await expect(readPostingInput(new Uint8Array())).rejects.toMatchObject({ code: 'empty_input' });
    await expect(readPostingInput(utf8(' \n\t '))).rejects.toMatchObject({ code: 'empty_input' });
    await expect(readPostingInput(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]))).rejects.toMatchObject({ code: 'binary_input' });
    await expect(readPostingInput(utf8('GIF89a'), { contentType: 'image/gif' })).rejects.toMatchObject({ code: 'unsupported_input' });
  });

  it.each(['start', 'end'] as const)('reads a 5 MB page with the posting at its %s', (where) => {
    const page = makeLargePage(5, where);
    expect(page.length).toBeGreaterThan(5 * 1024 * 1024);
    const posting = readHtmlPosting(page);
    expect(posting.sections.some((s) => s.kind === 'requirements')).toBe(true);
    expect(posting.text).toContain('Experience with Kubernetes and Go');
  });
});

describe('readUrlPosting', () => {
  it('fetches through the Fetcher port with limits and reads the answer by content type', async () => {
    const fetcher = new FakeFetcher({
      'https://boards.greenhouse.io/lumen/jobs/1': { body: utf8(fixture('pages/greenhouse-job.html')), contentType: 'text/html; charset=utf-8' },
      'https://example.com/ad.pdf': { body: makePdf(PDF_LINES), contentType: 'application/pdf' },
    });
    const html = await readUrlPosting('https://boards.greenhouse.io/lumen/jobs/1', fetcher);
    expect(html.source).toEqual({ kind: 'url', reader: 'greenhouse', url: 'https://boards.greenhouse.io/lumen/jobs/1' });
    expect(fetcher.calls[0]!.options).toMatchObject({ maxBytes: expect.any(Number), timeoutMs: expect.any(Number) });
    expect((await readUrlPosting('https://example.com/ad.pdf', fetcher)).source.kind).toBe('pdf');
  });

  it('turns HTTP errors and bad URLs into clear errors', async () => {
    const fetcher = new FakeFetcher({});
    const missing = readUrlPosting('https://example.com/gone', fetcher);
    await expect(missing).rejects.toBeInstanceOf(FetchError);
    await expect(missing).rejects.toMatchObject({ code: 'http_status' });
    await expect(readUrlPosting('not a url', fetcher)).rejects.toMatchObject({ code: 'invalid_url' });
    await expect(readUrlPosting('file:///etc/passwd', fetcher)).rejects.toMatchObject({ code: 'invalid_url' });
    expect(fetcher.calls).toHaveLength(1);
  });
});

describe('browser bundle', () => {
  it('bundles the readers, posting builder (with eld) and mention extractor for the browser without Node built-ins', async () => {
    const entry = ['readers/read-document', 'posting/build-posting', 'mentions/extract-mentions']
      .map((f, i) => `export * as m${i} from '../../../src/core/${f}.ts';`)
      .join('\n');
    const result = await build({
      stdin: { contents: entry, resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from ["']node:/);
    expect(code).toContain('Readability');
  });
});
