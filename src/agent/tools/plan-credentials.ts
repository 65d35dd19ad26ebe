import { z } from 'zod';
import { GapResultSchema, getCapability, PlanConstraintsSchema, PlanResultSchema, type SkillRef } from '../capabilities.js';
import { skillRefs } from './skill-refs.js';
import { analyzeOnce, defineTool, NO_POSTING, notAvailable, PostingFieldsSchema, postingFrom, type ToolContext } from './tool-types.js';

async function skillsToClose(
  args: { skills: string[]; heldSkills: string[]; postingText?: string; postingUrl?: string },
  ctx: ToolContext,
): Promise<SkillRef[] | null> {
  if (args.skills.length > 0) return (await skillRefs(args.skills, ctx)).refs;
  const posting = postingFrom(args, ctx);
  if (!posting) return null;
  const [analysis, held] = await Promise.all([analyzeOnce(posting, ctx), skillRefs(args.heldSkills, ctx)]);
  const required = analysis.skills.map((s) => ({ escoUri: s.escoUri, label: s.label, importance: s.importance }));
  const gapFn = getCapability(ctx.service, 'gap');
  if (gapFn) {
    const g = GapResultSchema.safeParse(await gapFn({ required, held: held.refs }));
    if (g.success) return g.data.missing.filter((m) => m.importance !== 'optional');
  }
  const heldUris = new Set(held.refs.map((h) => h.escoUri));
  return required.filter((r) => r.importance === 'essential' && !heldUris.has(r.escoUri));
}

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
    const missing = await skillsToClose(args, ctx);
    if (!missing) return NO_POSTING;
    if (missing.length === 0) return { feasible: true, items: [], totalCost: 0, totalHours: 0, uncovered: [], notes: ['Nothing to close: you hold every essential skill.'] };
    const constraints = PlanConstraintsSchema.parse(args);
    const raw = await fn({ missing, constraints });
    const parsed = PlanResultSchema.safeParse(raw);
    return { ...(parsed.success ? parsed.data : (raw as Record<string, unknown>)), skillsToClose: missing, constraints };
  },
});
