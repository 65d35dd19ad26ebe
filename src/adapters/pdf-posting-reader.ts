import { extractText, getDocumentProxy } from 'unpdf';
import { InputError } from '../core/errors.js';
import type { Posting } from '../core/posting.js';
import { buildPosting } from '../core/posting/build-posting.js';

export interface ReadPdfOptions {
  url?: string | null;
  language?: string;
}

/** True when the bytes start like a PDF file (`%PDF-`, possibly after a little junk, as the spec allows). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * A `Posting` from a PDF's text layer (unpdf / PDF.js). Throws InputError `not_pdf`, `pdf_encrypted`,
 * `pdf_unreadable` or `pdf_no_text` (a scan without a text layer) with what to do instead.
 */
export async function readPdfPosting(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<Posting> {
  if (!isPdf(bytes)) {
    throw new InputError('not_pdf', 'The file is not a PDF. Give a PDF, an HTML page, or the posting as text.');
  }
  let text: string;
  try {
    // PDF.js takes ownership of the buffer it is given; copy so the caller's bytes stay usable.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractText(pdf, { mergePages: true })).text;
  } catch (cause) {
    const name = (cause as { name?: string } | null)?.name ?? '';
    if (name === 'PasswordException') {
      throw new InputError('pdf_encrypted', 'The PDF is password-protected. Save an unprotected copy or paste its text.', {
        cause,
      });
    }
    throw new InputError('pdf_unreadable', 'The PDF could not be read (it may be damaged). Paste the posting text instead.', {
      cause,
    });
  }
  if (text.replace(/[^\p{L}]/gu, '').length < 20) {
    throw new InputError(
      'pdf_no_text',
      'The PDF has no text layer (it is probably a scanned image). Run it through OCR or paste the posting text.',
    );
  }
  const draft = { url: options.url ?? null, title: null, organisation: null, location: null, text, reader: 'pdf', jsonLd: null };
  return buildPosting(draft, { format: 'text', language: options.language, sourceKind: 'pdf' });
}
