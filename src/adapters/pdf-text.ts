import { extractText, getDocumentProxy } from 'unpdf';
import { InputError } from '../core/errors.js';

/** Plain text of a PDF (all pages, in reading order as the PDF stores it). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } catch (cause) {
    throw new InputError('pdf_unreadable', 'Could not read text from this PDF. If it is a scan, paste the text instead or export it from your editor as text.', { cause });
  }
}
