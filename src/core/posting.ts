import { z } from 'zod';

export const SectionKindSchema = z.enum([
  'requirements',
  'nice-to-have',
  'responsibilities',
  'benefits',
  'about-company',
  'legal',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKindSchema>;

/** A sentence (or list item) of the posting with its character offsets in `Posting.text`. */
export const SentenceSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  isListItem: z.boolean().default(false),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const SectionSchema = z.object({
  kind: SectionKindSchema,
  heading: z.string().nullable(),
  sentences: z.array(SentenceSchema),
});
export type Section = z.infer<typeof SectionSchema>;

/** Where a posting came from and which reader produced it. */
export const PostingSourceSchema = z.object({
  kind: z.enum(['html', 'url', 'pdf', 'text', 'markdown', 'json-ld', 'draft']),
  reader: z.string(),
  url: z.string().nullable(),
});

/**
 * A job posting normalised by a reader. `text` is the plain text all offsets refer to;
 * sections partition it into requirement-like and other parts.
 */
export const PostingSchema = z.object({
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  location: z.string().nullable(),
  language: z.string(),
  languageConfidence: z.number().min(0).max(1),
  text: z.string(),
  sections: z.array(SectionSchema),
  source: PostingSourceSchema,
  /** Structured fields from schema.org JobPosting when the page had them. */
  jsonLd: z.record(z.unknown()).nullable(),
});
export type Posting = z.infer<typeof PostingSchema>;

/**
 * What a content script sends: raw page parts, validated before anything reads them.
 * Produced in the browser by the same readers that run in Node.
 */
export const PostingDraftSchema = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  location: z.string().nullable(),
  text: z.string().max(2_000_000),
  reader: z.string(),
  jsonLd: z.record(z.unknown()).nullable(),
});
export type PostingDraft = z.infer<typeof PostingDraftSchema>;
