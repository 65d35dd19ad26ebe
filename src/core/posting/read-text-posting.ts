import { InputError } from '../errors.js';
import type { Posting } from '../posting.js';
import { buildPosting, draftFromText } from './build-posting.js';
import type { TextFormat } from './parse-blocks.js';

export interface ReadTextOptions {
  /** 'markdown' strips Markdown marks; 'auto' (default) decides from the text itself. */
  format?: TextFormat | 'auto';
  url?: string | null;
  language?: string;
}

const MAX_TEXT_CHARS = 2_000_000;

/** True when bytes look like a binary file rather than text: NUL bytes or many control characters early on. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/** The charset a Content-Type header or an HTML `<meta charset>` names, or null. */
export function declaredCharset(bytes: Uint8Array, contentType: string | null = null): string | null {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

/**
 * Decode bytes as text (UTF-8 unless the Content-Type or a `<meta charset>` says otherwise; BOM dropped),
 * refusing binary data with InputError `binary_input`.
 */
export function decodeText(bytes: Uint8Array, contentType: string | null = null): string {
  if (looksBinary(bytes)) {
    throw new InputError(
      'binary_input',
      'The input is a binary file, not text. Give the posting as text, Markdown, HTML or PDF.',
    );
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declaredCharset(bytes, contentType) ?? 'utf-8');
  } catch {
    // An unknown charset label: UTF-8 is the best guess for the modern web.
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes).replace(/^\uFEFF/, '');
}

function guessFormat(text: string): TextFormat {
  return /^\s{0,3}#{1,6}\s|\*\*[^*\n]+\*\*|^\s*[-*]\s+\S|\[[^\]\n]+\]\([^)\n]+\)/m.test(text) ? 'markdown' : 'text';
}

/**
 * A posting from plain text or Markdown (pasted, or a .txt/.md file). Throws InputError `empty_posting` for blank
 * input and `binary_input` for bytes that are not text.
 */
export function readTextPosting(input: string | Uint8Array, options: ReadTextOptions = {}): Posting {
  const text = typeof input === 'string' ? input : decodeText(input);
  if (!text.trim()) {
    throw new InputError('empty_posting', 'The posting is empty. Paste the full job ad text, or give a file or URL.');
  }
  const format = !options.format || options.format === 'auto' ? guessFormat(text) : options.format;
  const draft = draftFromText(text.slice(0, MAX_TEXT_CHARS), format === 'markdown' ? 'markdown' : 'text', options.url ?? null);
  return buildPosting(draft, { format, language: options.language, sourceKind: format });
}
