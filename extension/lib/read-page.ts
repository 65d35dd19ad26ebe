import type { PostingDraft } from "../../src/core/posting"

/**
 * Local stand-in for the core `readDocument(doc, url)` from src/core/readers (being written in parallel): the same
 * contract, a PostingDraft or null, plus the element the description came from so highlights stay inside it.
 * Replace the body with the core readers once they are committed; the content scripts only call `readPage`.
 */
export interface PageRead {
  draft: PostingDraft
  root: Element | null
}

interface SiteShape {
  description: string[]
  title: string[]
  organisation: string[]
  location: string[]
}

export const SITE_SHAPES: Record<string, SiteShape> = {
  linkedin: {
    description: [".jobs-description__content", ".show-more-less-html__markup", "#job-details", ".description__text"],
    title: [".job-details-jobs-unified-top-card__job-title", ".top-card-layout__title", "h1"],
    organisation: [".job-details-jobs-unified-top-card__company-name", ".topcard__org-name-link"],
    location: [".job-details-jobs-unified-top-card__bullet", ".topcard__flavor--bullet"]
  },
  indeed: {
    description: ["#jobDescriptionText"],
    title: ['[data-testid="jobsearch-JobInfoHeader-title"]', "h1"],
    organisation: ['[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]'],
    location: ['[data-testid="inlineHeader-companyLocation"]', '[data-testid="job-location"]']
  },
  greenhouse: {
    description: [".job__description", "#content"],
    title: [".job__title h1", ".app-title", "h1"],
    organisation: [".company-name"],
    location: [".job__location", ".location"]
  },
  lever: {
    description: [".posting-page .content", '[data-qa="job-description"]'],
    title: [".posting-headline h2", ".posting-headline h1"],
    organisation: [".main-header-logo img[alt]"],
    location: [".posting-categories .location"]
  },
  workday: {
    description: ['[data-automation-id="jobPostingDescription"]'],
    title: ['[data-automation-id="jobPostingHeader"]', "h2", "h1"],
    organisation: ['[data-automation-id="company"] dd'],
    location: ['[data-automation-id="locations"] dd']
  },
  stepstone: {
    description: ['[data-at="job-ad-content"]', ".listing-content"],
    title: ['[data-at="header-job-title"]', "h1"],
    organisation: ['[data-at="metadata-company-name"]', '[data-at="header-company-name"]'],
    location: ['[data-at="metadata-location"]']
  }
}

const clean = (s: string | null | undefined): string | null => {
  const v = (s ?? "").replace(/\s+/g, " ").trim()
  return v ? v.slice(0, 300) : null
}

function firstMatch(doc: Document, selectors: string[]): Element | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel)
    if (el && ((el.textContent ?? "").trim() || el.getAttribute("alt"))) return el
  }
  return null
}

const fieldOf = (doc: Document, selectors: string[]): string | null => {
  const el = firstMatch(doc, selectors)
  return el ? clean(el.tagName === "IMG" ? el.getAttribute("alt") : el.textContent) : null
}

/** Visible text of an element, one block per line; reads text only, never markup. */
export function blockText(root: Element): string {
  const lines: string[] = []
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  let line = ""
  let lastBlock: Element | null = null
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement
    if (!parent || parent.closest("script,style,noscript,template,button,nav")) continue
    const block = parent.closest("p,li,h1,h2,h3,h4,h5,h6,div,section,dd,dt,td,tr,br") ?? parent
    if (block !== lastBlock && line.trim()) {
      lines.push(line.replace(/\s+/g, " ").trim())
      line = ""
    }
    lastBlock = block
    line += `${block.tagName === "LI" && !line ? "- " : ""}${node.nodeValue ?? ""}`
  }
  if (line.trim()) lines.push(line.replace(/\s+/g, " ").trim())
  return lines.join("\n")
}

/** schema.org JobPosting objects embedded in the page, wherever they sit in an @graph or array. */
export function jobPostingsIn(doc: Document): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = []
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit)
    if (!v || typeof v !== "object") return
    const o = v as Record<string, unknown>
    const type = o["@type"]
    if (type === "JobPosting" || (Array.isArray(type) && type.includes("JobPosting"))) found.push(o)
    if (o["@graph"]) visit(o["@graph"])
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""))
    } catch {
      // A broken JSON-LD block is common on real sites; the others may still be fine.
    }
  }
  return found
}

function textOfHtmlField(doc: Document, html: unknown): string {
  if (typeof html !== "string") return ""
  // Parsed into an inert document (no scripts run, nothing is attached to the page) and read as text only.
  const inert = new DOMParser().parseFromString(html, "text/html")
  return inert.body ? blockText(inert.body) : ""
}

function nameOf(v: unknown): string | null {
  if (typeof v === "string") return clean(v)
  if (v && typeof v === "object" && "name" in v) return clean(String((v as { name: unknown }).name))
  return null
}

/** Reads the posting of a known site (`site`), or JSON-LD, or — when `generic` — the page's main text. */
export function readPage(doc: Document, url: string | null, site: string | null, generic = false): PageRead | null {
  const shape = site ? SITE_SHAPES[site] : undefined
  const structured = jobPostingsIn(doc)[0] ?? null
  if (shape) {
    const root = firstMatch(doc, shape.description)
    const text = root ? blockText(root) : ""
    if (root && text.length >= 40) {
      const draft: PostingDraft = {
        url,
        title: fieldOf(doc, shape.title) ?? nameOf(structured?.title),
        organisation: fieldOf(doc, shape.organisation) ?? nameOf(structured?.hiringOrganization),
        location: fieldOf(doc, shape.location),
        text: text.slice(0, 2_000_000),
        reader: site!,
        jsonLd: structured
      }
      return { draft, root }
    }
  }
  if (structured) {
    const text = textOfHtmlField(doc, structured.description)
    if (text.length >= 40) {
      const root = doc.querySelector("main, article") ?? doc.body
      const draft: PostingDraft = {
        url,
        title: nameOf(structured.title),
        organisation: nameOf(structured.hiringOrganization),
        location: null,
        text,
        reader: "json-ld",
        jsonLd: structured
      }
      return { draft, root }
    }
  }
  if (!generic) return null
  const root = doc.querySelector("main, article, [role=main]") ?? doc.body
  const text = root ? blockText(root) : ""
  if (text.length < 80) return null
  const draft: PostingDraft = { url, title: clean(doc.title), organisation: null, location: null, text: text.slice(0, 2_000_000), reader: "generic", jsonLd: null }
  return { draft, root }
}
