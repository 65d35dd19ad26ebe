import { z } from 'zod';
import { GapReportSchema, getCapability, profileOf } from '../capabilities.js';
import { skillRefs } from './skill-refs.js';
import { analyzeOnce, defineTool, NO_POSTING, notAvailable, PostingFieldsSchema, postingFrom } from './tool-types.js';

/** gap: the posting's required skills the user does not hold yet, and those already covered. */
export const gap = defineTool({
  name: 'gap',
  description:
    'Compare the skills a posting requires with the skills the user holds; returns missing skills (essential first), ' +
    'covered skills and a coverage score between 0 and 1 (the ESCO hierarchy gives partial credit).',
  schema: PostingFieldsSchema.extend({
    heldSkills: z.array(z.string().min(1).max(200)).max(200).default([]).describe('Skills the user already has, in their words'),
  }),
  async run(args, ctx) {
    const fn = getCapability(ctx.service, 'gap');
    if (!fn) return notAvailable('compare your skills with a posting');
    const posting = postingFrom(args, ctx);
    if (!posting) return NO_POSTING;
    const [analysis, held] = await Promise.all([analyzeOnce(posting, ctx), skillRefs(args.heldSkills, ctx)]);
    const raw = await fn({ analysis, profile: profileOf(held.refs) });
    const parsed = GapReportSchema.safeParse(raw);
    return { ...(parsed.success ? parsed.data.gap : (raw as Record<string, unknown>)), unmatchedHeldSkills: held.unmatched };
  },
});
