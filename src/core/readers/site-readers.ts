import type { PostingDraft } from '../posting.js';
import { cleanField, hostOf, type DocumentReader } from './document-reader.js';
import { domToText } from './dom-to-text.js';
import { draftFromJobPosting, jobPostingsInJsonLd } from './json-ld-reader.js';

/**
 * Where each job site keeps the parts of a posting. Selectors are lists, tried in order, because every site ships
 * several layouts at once (logged-in vs public, old vs new). `marker` recognises the site's markup when the URL is
 * unknown (a saved page, a test fixture, a mirror).
 */
interface SiteShape {
  name: string;
  hosts: RegExp;
  marker: string;
  description: string[];
  /** When no description container is found: elements whose texts, in page order, make up the description. */
  parts?: string;
  title: string[];
  organisation: string[];
  location: string[];
}

const SITES: SiteShape[] = [
  {
    name: 'linkedin',
    hosts: /(^|\.)linkedin\.com$/,
    marker: '.show-more-less-html__markup, .jobs-description__content, .top-card-layout__title, .job-details-jobs-unified-top-card__job-title',
    description: ['.show-more-less-html__markup', '.jobs-description__content .jobs-box__html-content', '.jobs-description__content', '#job-details', '.description__text'],
    title: ['.top-card-layout__title', '.topcard__title', '.job-details-jobs-unified-top-card__job-title', 'h1'],
    organisation: ['.topcard__org-name-link', '.topcard__flavor a', '.job-details-jobs-unified-top-card__company-name'],
    location: ['.topcard__flavor--bullet', '.job-details-jobs-unified-top-card__bullet', '.job-details-jobs-unified-top-card__primary-description-container .tvm__text'],
  },
  {
    name: 'indeed',
    hosts: /(^|\.)indeed\.[a-z.]+$/,
    marker: '#jobDescriptionText',
    description: ['#jobDescriptionText'],
    title: ['[data-testid="jobsearch-JobInfoHeader-title"]', '.jobsearch-JobInfoHeader-title', 'h1'],
    organisation: ['[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]', '.jobsearch-CompanyInfoWithoutHeaderImage a'],
    location: ['[data-testid="inlineHeader-companyLocation"]', '[data-testid="job-location"]', '#jobLocationText'],
  },
  {
    name: 'greenhouse',
    hosts: /(^|\.)greenhouse\.io$/,
    marker: '#app_body #content, .job__description, #header .app-title',
    description: ['.job__description', '#app_body #content', '#content'],
    title: ['.job__title h1', 'h1.app-title', '.app-title', 'h1'],
    organisation: ['.company-name', '.job__title .company'],
    location: ['.job__location', '#header .location', '.location'],
  },
  {
    name: 'lever',
    hosts: /(^|\.)lever\.co$/,
    marker: '.posting-headline, [data-qa="job-description"]',
    description: ['.posting-page .section-wrapper.page-full-width:not(.accent-section)', '.posting-page .content', '[data-qa="job-description"]'],
    title: ['.posting-headline h2', '.posting-headline h1'],
    organisation: ['.main-header-logo img[alt]', '.main-footer-text a'],
    location: ['.posting-categories .location', '.posting-category.location', '.sort-by-time.posting-category'],
  },
  {
    name: 'workday',
    hosts: /(^|\.)myworkdayjobs\.com$|(^|\.)myworkdaysite\.com$/,
    marker: '[data-automation-id="jobPostingDescription"]',
    description: ['[data-automation-id="jobPostingDescription"]'],
    title: ['[data-automation-id="jobPostingHeader"]', 'h2', 'h1'],
    organisation: ['[data-automation-id="company"] dd', '[data-automation-id="logo"] img[alt]'],
    location: ['[data-automation-id="locations"] dd', '[data-automation-id="locations"]'],
  },
  {
    name: 'stepstone',
    hosts: /(^|\.)stepstone\.[a-z.]+$/,
    marker: '[data-at="job-ad-content"], [data-at="header-job-title"]',
    description: ['[data-at="job-ad-content"]', '.js-app-ld-ContentBlock', '.listing-content'],
    parts: '[data-at^="section-text-"][data-at$="-title"], [data-at^="section-text-"][data-at$="-content"]',
    title: ['[data-at="header-job-title"]', 'h1'],
    organisation: ['[data-at="metadata-company-name"]', '[data-at="header-company-name"]'],
    location: ['[data-at="metadata-location"]', '[data-at="header-location"]'],
  },
];

function first(doc: Document, selectors: string[]): Element | null {
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    if (el && (el.textContent ?? '').trim()) return el;
    if (el && el.tagName.toUpperCase() === 'IMG' && el.getAttribute('alt')) return el;
  }
  return null;
}

function fieldText(doc: Document, selectors: string[]): string | null {
  const el = first(doc, selectors);
  if (!el) return null;
  return cleanField(el.tagName.toUpperCase() === 'IMG' ? el.getAttribute('alt') : el.textContent);
}

function siteName(doc: Document): string | null {
  return cleanField(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'));
}

function readSite(site: SiteShape, doc: Document, url: string | null): PostingDraft | null {
  const description = first(doc, site.description);
  const parts = !description && site.parts ? Array.from(doc.querySelectorAll(site.parts)) : [];
  if (!description && parts.length === 0) return null;
  const text = description ? domToText(description) : parts.map((el) => domToText(el)).join('\n');
  if (text.length < 40) return null;
  // The sites also embed JSON-LD for search engines: it names the employer and place more reliably than markup.
  const structured = jobPostingsInJsonLd(doc)[0];
  const fromLd = structured ? draftFromJobPosting(structured, url, site.name) : null;
  return {
    url,
    title: fieldText(doc, site.title) ?? fromLd?.title ?? null,
    // Logos and headers phrase the employer as "at Acme" or "Acme logo".
    organisation: cleanField(fieldText(doc, site.organisation)?.replace(/^at\s+|\s+logo$/gi, '')) ?? fromLd?.organisation ?? siteName(doc),
    location: fieldText(doc, site.location) ?? fromLd?.location ?? null,
    text: text.slice(0, 2_000_000),
    reader: site.name,
    jsonLd: structured ?? null,
  };
}

/** The site shape for a page: by hostname first, then by the site's own markup. */
export function siteFor(doc: Document, url: string | null): string | null {
  const host = hostOf(url);
  const byHost = SITES.find((s) => s.hosts.test(host));
  if (byHost) return byHost.name;
  // One pass over the page for all markers, then ask which site the first hit belongs to.
  const hit = doc.querySelector(SITES.map((s) => s.marker).join(', '));
  return hit ? (SITES.find((s) => hit.matches(s.marker))?.name ?? null) : null;
}

/** One reader per supported job site (LinkedIn, Indeed, Greenhouse, Lever, Workday, StepStone). */
export const siteReaders: readonly DocumentReader[] = Object.freeze(
  SITES.map((site) => ({ name: site.name, read: (doc: Document, url: string | null) => readSite(site, doc, url) })),
);
