import { z } from 'zod';
import type { PostingDraft } from '../posting.js';
import { cleanField, type DocumentReader } from './document-reader.js';
import { htmlStringToText } from './html-string-to-text.js';

// Only the fields we read are checked; schema.org data in the wild is loose, so each is optional and unknown-typed.
const JobPostingSchema = z
  .object({
    title: z.unknown().optional(),
    name: z.unknown().optional(),
    description: z.unknown().optional(),
    hiringOrganization: z.unknown().optional(),
    jobLocation: z.unknown().optional(),
    applicantLocationRequirements: z.unknown().optional(),
    jobLocationType: z.unknown().optional(),
    qualifications: z.unknown().optional(),
    skills: z.unknown().optional(),
    responsibilities: z.unknown().optional(),
    experienceRequirements: z.unknown().optional(),
  })
  .passthrough();

const MAX_NODES = 5_000;

/** All schema.org JobPosting objects in a parsed JSON-LD value (arrays, `@graph`, nested values). */
export function findJobPostings(value: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const queue: unknown[] = [value];
  let seen = 0;
  while (queue.length > 0 && seen++ < MAX_NODES) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const obj = item as Record<string, unknown>;
      const types = ([] as unknown[]).concat(obj['@type'] ?? []);
      if (types.some((t) => typeof t === 'string' && /(^|[/:])JobPosting$/.test(t))) found.push(obj);
      else for (const v of Object.values(obj)) if (v && typeof v === 'object') queue.push(v);
    }
  }
  return found;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return cleanField(value);
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return cleanField((value as Record<string, unknown>).name);
  return null;
}

/** "Berlin, BE, DE" from a schema.org Place / PostalAddress (or a list of them). */
export function locationOf(value: unknown): string | null {
  const places = ([] as unknown[]).concat(value ?? []);
  const names = places
    .map((place) => {
      if (typeof place === 'string') return cleanField(place);
      if (!place || typeof place !== 'object') return null;
      const p = place as Record<string, unknown>;
      const address = p.address;
      if (typeof address === 'string') return cleanField(address);
      if (address && typeof address === 'object') {
        const a = address as Record<string, unknown>;
        const parts = [a.addressLocality, a.addressRegion, nameOf(a.addressCountry)].map(cleanField).filter(Boolean);
        if (parts.length > 0) return parts.join(', ');
      }
      return nameOf(p);
    })
    .filter((n): n is string => Boolean(n));
  return names.length > 0 ? [...new Set(names)].join('; ') : null;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return htmlStringToText(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n');
  return '';
}

/** A draft from one schema.org JobPosting object (also used for microdata and site readers that embed JSON-LD). */
export function draftFromJobPosting(raw: Record<string, unknown>, url: string | null, reader: string): PostingDraft | null {
  const parsed = JobPostingSchema.safeParse(raw);
  if (!parsed.success) return null;
  const job = parsed.data;
  const parts = [textOf(job.description)];
  // Some employers put requirements only in these fields; give them headings so sections are still found.
  const extras: [string, unknown][] = [
    ['Responsibilities', job.responsibilities],
    ['Qualifications', job.qualifications],
    ['Skills', job.skills],
    ['Experience requirements', typeof job.experienceRequirements === 'string' ? job.experienceRequirements : null],
  ];
  for (const [heading, value] of extras) {
    const text = textOf(value);
    if (text && !parts[0]!.includes(text.slice(0, 80))) parts.push(`## ${heading}\n${text}`);
  }
  const text = parts.filter(Boolean).join('\n').slice(0, 2_000_000);
  if (!text.trim()) return null;
  const remote = job.jobLocationType === 'TELECOMMUTE' ? 'Remote' : null;
  return {
    url,
    title: cleanField(job.title) ?? cleanField(job.name),
    organisation: nameOf(job.hiringOrganization),
    location: locationOf(job.jobLocation) ?? remote ?? locationOf(job.applicantLocationRequirements),
    text,
    reader,
    jsonLd: raw,
  };
}

/** Every JobPosting in the page's `<script type="application/ld+json">` blocks; broken JSON is skipped. */
export function jobPostingsInJsonLd(doc: Document): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/application\/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      found.push(...findJobPostings(JSON.parse(script.textContent ?? '')));
    } catch {
      // Pages often ship hand-written JSON-LD with trailing commas; one bad block must not hide the others.
    }
  }
  return found;
}

/** Reads the first schema.org JobPosting with a description from JSON-LD. */
export const jsonLdReader: DocumentReader = {
  name: 'json-ld',
  read(doc, url) {
    for (const job of jobPostingsInJsonLd(doc)) {
      const draft = draftFromJobPosting(job, url, 'json-ld');
      if (draft) return draft;
    }
    return null;
  },
};
