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

/** Decode bytes as UTF-8 text (BOM dropped), refusing binary data with InputError `binary_input`. */
export function decodeText(bytes: Uint8Array): string {
  if (looksBinary(bytes)) {
    throw new InputError(
      'binary_input',
      'The input is a binary file, not text. Give the posting as text, Markdown, HTML or PDF.',
    );
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
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
