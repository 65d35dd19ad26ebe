import { z } from 'zod';
import { PostingAnalysisSchema, type PostingAnalysis } from '../core/analysis.js';
import { PostingDraftSchema } from '../core/posting.js';
import { SkillTypeSchema } from '../core/taxonomy-types.js';
import type { Config } from './config.js';

/** What `analyze` accepts: exactly one of text, html, url, pdf (base64) or a draft from the extension. */
export const AnalyzeInputSchema = z
  .object({
    text: z.string().max(5_000_000).optional().describe('Posting as plain text or Markdown'),
    html: z.string().max(6_000_000).optional().describe('Posting page HTML'),
    url: z.string().url().optional().describe('Public URL of the posting page'),
    pdfBase64: z.string().max(8_000_000).optional().describe('PDF file, base64-encoded'),
    draft: PostingDraftSchema.optional().describe('Posting read by the extension from the page'),
    lang: z.string().regex(/^[a-z]{2}$/).optional().describe('Force the posting language (ISO 639-1)'),
    includeImplied: z.boolean().default(true).describe('List the inferred occupation’s unstated essential skills'),
    llmRerank: z.boolean().optional().describe('false: skip the optional LLM re-ranking for this posting (it runs only when the service has SKILLPROOF_LLM_RERANK=on and an LLM)'),
  })
  .refine((v) => [v.text, v.html, v.url, v.pdfBase64, v.draft].filter((x) => x !== undefined).length === 1, {
    message: 'Give exactly one of text, html, url, pdfBase64 or draft.',
  });
export type AnalyzeInput = z.input<typeof AnalyzeInputSchema>;

export const SkillSearchHitSchema = z.object({
  uri: z.string(),
  label: z.string(),
  skillType: SkillTypeSchema,
  score: z.number(),
  matchedSurface: z.string(),
});
export type SkillSearchHit = z.infer<typeof SkillSearchHitSchema>;

export const SearchSkillsInputSchema = z.object({
  query: z.string().min(1).max(2000).describe('Words describing a skill, in any supported language'),
  k: z.number().int().min(1).max(100).default(10).describe('How many skills to return'),
  lang: z.string().regex(/^[a-z]{2}$/).optional().describe('Language for labels (default English)'),
});
export type SearchSkillsInput = z.input<typeof SearchSkillsInputSchema>;

export { PostingAnalysisSchema };

/**
 * The use cases every front end (CLI, HTTP server, agent tools) calls. Built once by `createService`;
 * stateless apart from caches, so many replicas may run side by side.
 * Capabilities from later issues (gap, plan, verify, matchCandidate) are added here as they land.
 */
export interface SkillProofService {
  readonly config: Config;
  analyze(input: AnalyzeInput): Promise<PostingAnalysis>;
  searchSkills(input: SearchSkillsInput): Promise<SkillSearchHit[]>;
  /** Map free-text skill names (e.g. from a CV or a catalogue) to ESCO; one list per input, best first. */
  linkTexts(texts: readonly string[], options?: { k?: number; minScore?: number }): Promise<SkillSearchHit[][]>;
  /** `chat` names the engine that answers the chat: the built-in offline one, or a configured LLM. */
  health(): Promise<{ ok: boolean; escoVersion: string; embedder: string; skills: number; chat: 'offline' | 'llm' }>;
  close(): Promise<void>;
}
