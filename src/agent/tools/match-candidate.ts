import { z } from 'zod';
import { GapReportSchema, getCapability, MatchReportSchema, profileOf } from '../capabilities.js';
import { skillRefs } from './skill-refs.js';
import { analyzeOnce, defineTool, NO_POSTING, notAvailable, PostingFieldsSchema, postingFrom } from './tool-types.js';

const verifyInput = (c: string) => (/^https?:\/\/\S+$/i.test(c.trim()) ? { url: c.trim() } : { text: c.trim() });

/** match_candidate: for recruiters, how well a candidate covers a posting — from verified credentials or stated skills. */
export const matchCandidate = defineTool({
  name: 'match_candidate',
  description:
    "For recruiters: how well a candidate covers the posting's requirements. With credentials, each is verified and " +
    'only verified skills count; with skills alone, they count as claimed. Lists matched and missing skills.',
  schema: PostingFieldsSchema.extend({
    candidateSkills: z.array(z.string().min(1).max(200)).max(300).default([]).describe("The candidate's skills, in any words"),
    credentials: z.array(z.string().min(1).max(1_000_000)).max(20).default([]).describe("The candidate's credentials: JSON, JWT or URL each"),
  }),
  async run(args, ctx) {
    const posting = postingFrom(args, ctx);
    if (!posting) return NO_POSTING;
    if (args.credentials.length === 0 && args.candidateSkills.length === 0) return { error: 'Give the candidate’s skills or credentials.' };
    const analysis = await analyzeOnce(posting, ctx);
    const match = getCapability(ctx.service, 'matchCandidate');
    if (args.credentials.length > 0) {
      if (!match) return notAvailable('match candidates by their credentials');
      const credentials = args.credentials.map((c, i) => ({ label: `credential ${i + 1}`, ...verifyInput(c) }));
      const raw = await match({ posting: analysis, credentials });
      const parsed = MatchReportSchema.safeParse(raw);
      if (!parsed.success) return raw as Record<string, unknown>;
      const rows = parsed.data.matrix.rows;
      return {
        basis: 'verified credentials',
        score: parsed.data.matrix.coverage.essential.ratio,
        matched: rows.filter((r) => r.best === 'verified').map((r) => r.requirement),
        missing: rows.filter((r) => r.best !== 'verified').map((r) => r.requirement),
        report: parsed.data,
      };
    }
    // Stated skills only: the gap use case with the candidate as the profile.
    const gapFn = getCapability(ctx.service, 'gap');
    if (!gapFn) return notAvailable('match candidates');
    const cand = await skillRefs(args.candidateSkills, ctx);
    const parsed = GapReportSchema.safeParse(await gapFn({ analysis, profile: profileOf(cand.refs) }));
    if (!parsed.success) return { error: 'The gap analysis returned an unexpected result.' };
    const g = parsed.data.gap;
    return { basis: 'claimed skills', score: g.score, matched: g.covered, missing: g.missing, unmatchedCandidateSkills: cand.unmatched };
  },
});
