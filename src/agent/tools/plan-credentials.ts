import { z } from 'zod';
import { getCapability, PlanConstraintsSchema, PlanReportSchema, profileOf } from '../capabilities.js';
import { skillRefs } from './skill-refs.js';
import { analyzeOnce, defineTool, NO_POSTING, notAvailable, PostingFieldsSchema, postingFrom } from './tool-types.js';

/** plan_credentials: the cheapest/fastest set of micro-credentials closing the gap under the user's constraints. */
export const planCredentials = defineTool({
  name: 'plan_credentials',
  description:
    'Choose micro-credentials that close the essential skill gap at least cost and time under constraints (budget, ' +
    'hours, EQF level, language, mode, providers, verifiable-only); explains which skills each credential closes.',
  schema: PostingFieldsSchema.merge(PlanConstraintsSchema).extend({
    skills: z.array(z.string().min(1).max(200)).max(100).default([]).describe('Skills to close; omit to use the posting gap'),
    heldSkills: z.array(z.string().min(1).max(200)).max(200).default([]).describe('Skills the user already has'),
  }),
  async run(args, ctx) {
    const fn = getCapability(ctx.service, 'plan');
    if (!fn) return notAvailable('plan credentials');
    const constraints = PlanConstraintsSchema.parse(args);
    let request: Record<string, unknown>;
    if (args.skills.length > 0) {
      request = { gapSkills: (await skillRefs(args.skills, ctx)).refs, constraints };
    } else {
      const posting = postingFrom(args, ctx);
      if (!posting) return NO_POSTING;
      const [analysis, held] = await Promise.all([analyzeOnce(posting, ctx), skillRefs(args.heldSkills, ctx)]);
      request = { analysis, profile: profileOf(held.refs), constraints };
    }
    const raw = await fn(request);
    const parsed = PlanReportSchema.safeParse(raw);
    return { ...(parsed.success ? parsed.data.plan : (raw as Record<string, unknown>)), constraints };
  },
});
