import { z } from 'zod';
import { isSkillProofError } from '../../core/errors.js';
import type { PostingAnalysis } from '../../core/analysis.js';
import type { AnalyzeInput, SkillProofService } from '../../service/service-types.js';

/** What a tool may use besides its arguments: the service and the conversation's current posting. */
export interface ToolContext {
  service: SkillProofService;
  /** The posting the conversation is about (untrusted page content), if any. */
  posting?: AnalyzeInput | null;
  /** Per-conversation memo so several tools in one turn analyse the posting once. */
  analyses?: Map<string, Promise<PostingAnalysis>>;
}

/** A tool's answer: data for the model, or `{error}` in plain words (never a thrown exception). */
export type ToolOutput = { error: string } | Record<string, unknown>;

export interface AgentTool<S extends z.ZodTypeAny = z.ZodTypeAny> {
  readonly name: string;
  readonly description: string;
  readonly schema: S;
  /** Validates `args`, runs, and turns every failure into `{error}`. */
  invoke(args: unknown, ctx: ToolContext): Promise<ToolOutput>;
}

/** Build a tool whose body may throw; argument errors and faults come back as `{error}`. */
export function defineTool<S extends z.ZodTypeAny>(spec: {
  name: string;
  description: string;
  schema: S;
  run: (input: z.infer<S>, ctx: ToolContext) => Promise<ToolOutput>;
}): AgentTool<S> {
  return Object.freeze({
    name: spec.name,
    description: spec.description,
    schema: spec.schema,
    async invoke(args: unknown, ctx: ToolContext): Promise<ToolOutput> {
      const parsed = spec.schema.safeParse(args ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { error: `Invalid arguments for ${spec.name}: ${issue?.path.join('.') || 'input'} ${issue?.message ?? ''}`.trim() };
      }
      try {
        return await spec.run(parsed.data, ctx);
      } catch (e) {
        return { error: isSkillProofError(e) ? e.message : `${spec.name} failed unexpectedly.` };
      }
    },
  });
}

/** Error text for a capability the running service does not offer yet. */
export function notAvailable(what: string): ToolOutput {
  return { error: `not available yet: this SkillProof service cannot ${what} in this version.` };
}

export const PostingFieldsSchema = z.object({
  postingText: z.string().max(200_000).optional().describe('Posting text; omit to use the posting of this conversation'),
  postingUrl: z.string().url().optional().describe('Public URL of the posting; omit to use the conversation posting'),
});

/** The posting a tool should work on: explicit arguments first, then the conversation's posting. */
export function postingFrom(args: { postingText?: string; postingUrl?: string }, ctx: ToolContext): AnalyzeInput | null {
  if (args.postingText) return { text: args.postingText };
  if (args.postingUrl) return { url: args.postingUrl };
  return ctx.posting ?? null;
}

/** Analyse once per conversation and posting. */
export function analyzeOnce(input: AnalyzeInput, ctx: ToolContext): Promise<PostingAnalysis> {
  const key = JSON.stringify(input);
  const memo = ctx.analyses;
  const hit = memo?.get(key);
  if (hit) return hit;
  const p = ctx.service.analyze(input);
  memo?.set(key, p);
  p.catch(() => memo?.delete(key));
  return p;
}

export const NO_POSTING: ToolOutput = {
  error: 'No posting yet: open a job posting in the browser or paste its text first.',
};
