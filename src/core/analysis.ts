import { z } from 'zod';
import { SkillTypeSchema } from './taxonomy-types.js';

export const ImportanceSchema = z.enum(['essential', 'optional']);
export type Importance = z.infer<typeof ImportanceSchema>;

export const SpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof SpanSchema>;

/** A skill-bearing phrase found in a requirement-like sentence. */
export const SkillMentionSchema = z.object({
  text: z.string(),
  sentence: z.string(),
  /** Offsets of the mention in `Posting.text`. */
  span: SpanSchema,
  sentenceSpan: SpanSchema,
  importance: ImportanceSchema,
  years: z.number().nullable(),
  level: z.string().nullable(),
});
export type SkillMention = z.infer<typeof SkillMentionSchema>;

export const EvidenceSchema = z.object({ sentence: z.string(), span: SpanSchema, mention: z.string() });
export type Evidence = z.infer<typeof EvidenceSchema>;

/** An ESCO skill linked to the posting, with the words that say so. */
export const SkillMatchSchema = z.object({
  escoUri: z.string(),
  label: z.string(),
  skillType: SkillTypeSchema,
  score: z.number().min(0).max(1),
  importance: ImportanceSchema,
  evidence: z.array(EvidenceSchema),
  years: z.number().nullable(),
  level: z.string().nullable(),
  /** Which channels found it: dense, lexical, rerank, llm. */
  channels: z.array(z.string()),
});
export type SkillMatch = z.infer<typeof SkillMatchSchema>;

export const OccupationMatchSchema = z.object({ escoUri: z.string(), label: z.string(), score: z.number() });
export type OccupationMatch = z.infer<typeof OccupationMatchSchema>;

/** An essential skill of the inferred occupation that the posting did not state. */
export const ImpliedSkillSchema = z.object({
  escoUri: z.string(),
  label: z.string(),
  skillType: SkillTypeSchema,
  occupationUri: z.string(),
});
export type ImpliedSkill = z.infer<typeof ImpliedSkillSchema>;

export const ANALYSIS_SCHEMA_VERSION = '1.0';

export const PostingAnalysisSchema = z.object({
  schemaVersion: z.literal(ANALYSIS_SCHEMA_VERSION),
  posting: z.object({
    title: z.string().nullable(),
    organisation: z.string().nullable(),
    location: z.string().nullable(),
    language: z.string(),
    url: z.string().nullable(),
    sentenceCount: z.number().int(),
  }),
  skills: z.array(SkillMatchSchema),
  occupations: z.array(OccupationMatchSchema),
  implied: z.array(ImpliedSkillSchema),
  /** Human-readable notes: why something is missing, a language fallback, a truncated input. */
  notes: z.array(z.string()),
  timings: z.record(z.number()),
  model: z.object({ embedder: z.string(), escoVersion: z.string() }),
});
export type PostingAnalysis = z.infer<typeof PostingAnalysisSchema>;
