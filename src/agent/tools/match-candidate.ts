import { z } from 'zod';
import { getCapability, MatchResultSchema } from '../capabilities.js';
import { skillRefs } from './skill-refs.js';
import { analyzeOnce, defineTool, NO_POSTING, notAvailable, PostingFieldsSchema, postingFrom } from './tool-types.js';

/** match_candidate: for recruiters, how well a candidate's skills cover a posting. */
export const matchCandidate = defineTool({
  name: 'match_candidate',
  description:
    "For recruiters: score how well a candidate's skills cover the posting's requirements, listing matched and " +
    'missing skills.',
  schema: PostingFieldsSchema.extend({
    candidateSkills: z.array(z.string().min(1).max(200)).min(1).max(300).describe("The candidate's skills, in any words"),
  }),
  async run(args, ctx) {
    const fn = getCapability(ctx.service, 'matchCandidate');
    if (!fn) return notAvailable('match candidates');
    const posting = postingFrom(args, ctx);
    if (!posting) return NO_POSTING;
    const [analysis, cand] = await Promise.all([analyzeOnce(posting, ctx), skillRefs(args.candidateSkills, ctx)]);
    const required = analysis.skills.map((s) => ({ escoUri: s.escoUri, label: s.label, importance: s.importance }));
    const raw = await fn({ required, candidate: cand.refs });
    const parsed = MatchResultSchema.safeParse(raw);
    return { ...(parsed.success ? parsed.data : (raw as Record<string, unknown>)), unmatchedCandidateSkills: cand.unmatched };
  },
});
