import { Readability } from '@mozilla/readability';
import { jobLikeness } from '../posting/job-likeness.js';
import { cleanField, type DocumentReader } from './document-reader.js';
import { domToText } from './dom-to-text.js';

// Readability scores every element; past this many it gives up, and we fall back to the whole body.
const MAX_ELEMENTS = 60_000;

function mainText(doc: Document): { text: string; title: string | null; byline: string | null } {
  // Readability rewrites the document it is given, and the page may still be on screen (content script).
  const clone = doc.cloneNode(true) as Document;
  try {
    const article = new Readability<Node>(clone, {
      maxElemsToParse: MAX_ELEMENTS,
      charThreshold: 300,
      // Keep the element instead of an HTML string: we read its text directly and never re-parse markup.
      serializer: (node) => node,
    }).parse();
    if (article?.content) {
      const text = domToText(article.content);
      if (text.length >= 200) return { text, title: cleanField(article.title), byline: cleanField(article.siteName) };
    }
  } catch {
    // Readability throws on some malformed documents and on its element limit; the body fallback still works.
  }
  const body = doc.body ?? doc.documentElement;
  return { text: body ? domToText(body, { skipChrome: true }) : '', title: null, byline: null };
}

/** Main-content fallback for any page; returns null when the content does not read like a job posting. */
export const genericReader: DocumentReader = {
  name: 'generic',
  read(doc, url) {
    const { text, title, byline } = mainText(doc);
    if (!text.trim() || !jobLikeness(text).isJobPosting) return null;
    // An unclosed <h1> in broken markup swallows the page; a real title is short.
    const h1 = cleanField(doc.querySelector('h1')?.textContent);
    return {
      url,
      title: (h1 && h1.length <= 150 ? h1 : null) ?? title ?? cleanField(doc.title),
      organisation: byline,
      location: null,
      text: text.slice(0, 2_000_000),
      reader: 'generic',
      jsonLd: null,
    };
  },
};
