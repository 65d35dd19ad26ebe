import type { PostingDraft } from "../../src/core/posting"
import { readDocument } from "../../src/core/readers/read-document"

/** A posting read from the live page, and the element whose text the highlights may mark. */
export interface PageRead {
  draft: PostingDraft
  root: Element
}

/**
 * Reads the page with the core readers (site reader by host or markup, then JSON-LD, microdata, main content);
 * the same code runs in Node for the CLI and server. Returns null while the page holds no posting yet.
 */
export function readPage(doc: Document, url: string | null): PageRead | null {
  const draft = readDocument(doc, url)
  if (!draft || !doc.body) return null
  return { draft, root: doc.body }
}
