import { Readability } from '@mozilla/readability';
import { jobLikeness } from '../posting/job-likeness.js';
import { cleanField, type DocumentReader } from './document-reader.js';
import { domToText } from './dom-to-text.js';

// Readability scores every element (and we must clone the page for it); past this many elements, or this deep a
// nesting (its cost grows about with the cube of depth), it takes seconds, so such pages use the landmarks only.
const MAX_ELEMENTS = 15_000;
const MAX_DEPTH = 120;

/** Whether the page is small and shallow enough for Readability; stops counting as soon as it is not. */
function readabilityCanRun(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  const stack: [Element, number][] = [[root, 1]];
  let elements = 0;
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (++elements > MAX_ELEMENTS || depth > MAX_DEPTH) return false;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return true;
}

interface Candidate {
  text: string;
  title: string | null;
  byline: string | null;
}

function readability(doc: Document): Candidate | null {
  if (!readabilityCanRun(doc)) return null;
  // Readability rewrites the document it is given, and the page may still be on screen (content script).
  const clone = doc.cloneNode(true) as Document;
  try {
    const article = new Readability<Node>(clone, {
      charThreshold: 300,
      // Keep the element instead of an HTML string: we read its text directly and never re-parse markup.
      serializer: (node) => node,
    }).parse();
    if (!article?.content) return null;
    const text = domToText(article.content);
    return text.length >= 200 ? { text, title: cleanField(article.title), byline: cleanField(article.siteName) } : null;
  } catch {
    // Readability throws on some malformed documents; the landmark fallback still works.
    return null;
  }
}

function landmark(doc: Document): Candidate | null {
  const main = doc.querySelector('main article, article, main, [role="main"], #main, #content');
  const el = main && (main.textContent ?? '').trim().length >= 80 ? main : (doc.body ?? doc.documentElement);
  return el ? { text: domToText(el, { skipChrome: true }), title: null, byline: null } : null;
}

/**
 * Main-content fallback for any page: Readability's article, else the page's landmark (`main`, `article`, body).
 * Returns null when neither reads like a job posting (a recipe, a search page), so callers can say so.
 */
export const genericReader: DocumentReader = {
  name: 'generic',
  read(doc, url) {
    let found: Candidate | null = null;
    for (const pick of [readability, landmark]) {
      const candidate = pick(doc);
      if (candidate && candidate.text.trim() && jobLikeness(candidate.text).isJobPosting) {
        found = candidate;
        break;
      }
    }
    if (!found) return null;
    // An unclosed <h1> in broken markup swallows the page; a real title is short.
    const h1 = cleanField(doc.querySelector('h1')?.textContent);
    return {
      url,
      title: (h1 && h1.length <= 150 ? h1 : null) ?? found.title ?? cleanField(doc.title),
      organisation: found.byline,
      location: null,
      text: found.text.slice(0, 2_000_000),
      reader: 'generic',
      jsonLd: null,
    };
  },
};
