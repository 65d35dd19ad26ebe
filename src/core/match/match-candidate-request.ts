import { z } from 'zod';
import { PostingAnalysisSchema, type PostingAnalysis } from '../analysis.js';
import { VerifyRequestSchema, verifyRequest } from '../verify/verify-request.js';

/** What front ends send to match a candidate: a posting analysis and up to 50 credentials (each as in /verify). */
export const MatchCandidateRequestSchema = z.object({
  posting: PostingAnalysisSchema.describe('The posting analysis (from analyze)'),
  credentials: z
    .array(z.object({ label: z.string().max(300).optional().describe('How to name it in the report'), credential: VerifyRequestSchema }))
    .min(1)
    .max(50)
    .describe("The candidate's credentials"),
  includeImplied: z.boolean().default(false).describe('Also list the inferred occupation’s unstated essential skills'),
});
export type MatchCandidateRequest = z.infer<typeof MatchCandidateRequestSchema>;

/** The request as the matchCandidate use case's input. */
export function matchCandidateRequest(req: MatchCandidateRequest): {
  posting: PostingAnalysis;
  credentials: (ReturnType<typeof verifyRequest> & { label: string })[];
  includeImplied: boolean;
} {
  return {
    posting: req.posting,
    credentials: req.credentials.map((c, i) => ({ ...verifyRequest(c.credential), label: c.label ?? `credential ${i + 1}` })),
    includeImplied: req.includeImplied,
  };
}
