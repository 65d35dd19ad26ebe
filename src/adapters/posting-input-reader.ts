import { InputError } from '../core/errors.js';
import type { Posting } from '../core/posting.js';
import { decodeText, readTextPosting } from '../core/posting/read-text-posting.js';
import { readHtmlPosting } from './html-posting-reader.js';
import { isPdf, readPdfPosting } from './pdf-posting-reader.js';

export interface PostingInputHints {
  /** MIME type when known (HTTP Content-Type); wins over sniffing except for PDF magic bytes. */
  contentType?: string | null;
  /** File name when known: `.pdf`, `.html`, `.md`, `.txt` decide the format. */
  fileName?: string | null;
  url?: string | null;
  language?: string;
}

type Kind = 'pdf' | 'html' | 'markdown' | 'text' | 'auto';

function kindOf(bytes: Uint8Array, hints: PostingInputHints): Kind {
  if (isPdf(bytes)) return 'pdf';
  const type = (hints.contentType ?? '').toLowerCase();
  if (type.includes('pdf')) return 'pdf';
  if (type.includes('html') || type.includes('xhtml')) return 'html';
  if (type.includes('markdown')) return 'markdown';
  const name = (hints.fileName ?? '').toLowerCase();
  if (/\.pdf$/.test(name)) return 'pdf';
  if (/\.x?html?$/.test(name)) return 'html';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (/\.txt$/.test(name) || type.startsWith('text/plain')) return 'text';
  return 'auto';
}

/**
 * A `Posting` from any input the user gives (file bytes, stdin, an HTTP body): PDF by its magic bytes, HTML by type,
 * name or content, else text or Markdown. Throws InputError with a code saying what was wrong (`empty_input`,
 * `binary_input`, `no_posting_found`, `pdf_*`, `unsupported_input`).
 *
 * @example await readPostingInput(readFileSync('ad.pdf'), { fileName: 'ad.pdf' })
 */
export async function readPostingInput(bytes: Uint8Array, hints: PostingInputHints = {}): Promise<Posting> {
  if (bytes.length === 0 || !/\S/.test(new TextDecoder().decode(bytes.subarray(0, 4096)))) {
    throw new InputError('empty_input', 'The input is empty. Give a posting as a file, a URL, or text on stdin.');
  }
  const kind = kindOf(bytes, hints);
  const options = { url: hints.url ?? null, language: hints.language };
  if (kind === 'pdf') return readPdfPosting(bytes, options);
  const type = (hints.contentType ?? '').toLowerCase();
  if (/^(image|audio|video|font)\/|application\/(zip|octet-stream|x-)/.test(type)) {
    throw new InputError('unsupported_input', `Cannot read a posting from ${type}. Give an HTML page, a PDF or text.`);
  }
  const text = decodeText(bytes, hints.contentType ?? null);
  if (kind === 'html' || (kind === 'auto' && /^\s*(<!doctype html|<html|<head|<body|<\?xml)|<(div|p|h1|article)\b/i.test(text.slice(0, 5000)))) {
    return readHtmlPosting(text, options);
  }
  return readTextPosting(text, { ...options, format: kind === 'markdown' || kind === 'text' ? kind : 'auto' });
}
