import { z } from 'zod';
import { analyzeOnce, defineTool, NO_POSTING, PostingFieldsSchema, postingFrom } from './tool-types.js';

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** explain_match: why a skill is (or is not) in a posting's analysis, with the evidence either way. */
export const explainMatch = defineTool({
  name: 'explain_match',
  description:
    'Explain why a skill was found in the posting (the sentence and score) or why it is missing (not mentioned, ' +
    'or mentioned but not linked), and which ESCO skill the words are closest to.',
  schema: PostingFieldsSchema.extend({
    skill: z.string().min(1).max(200).describe('The skill the user asks about, in their words, e.g. "Kubernetes"'),
  }),
  async run(args, ctx) {
    const posting = postingFrom(args, ctx);
    if (!posting) return NO_POSTING;
    const [analysis, hits] = await Promise.all([
      analyzeOnce(posting, ctx),
      ctx.service.searchSkills({ query: args.skill, k: 3 }),
    ]);
    const want = norm(args.skill);
    const uris = new Set(hits.filter((h) => h.score >= 0.5).map((h) => h.uri));
    const found = analysis.skills.find((s) => uris.has(s.escoUri) || norm(s.label).includes(want));
    const closest = hits.map((h) => ({ label: h.label, escoUri: h.uri, score: Number(h.score.toFixed(3)) }));
    if (found) {
      return {
        status: 'found',
        skill: { label: found.label, escoUri: found.escoUri, importance: found.importance, score: found.score },
        evidence: found.evidence.map((e) => e.sentence),
        channels: found.channels,
      };
    }
    const implied = analysis.implied.find((s) => uris.has(s.escoUri) || norm(s.label).includes(want));
    if (implied) return { status: 'implied', skill: { label: implied.label, escoUri: implied.escoUri }, closest };
    const text = 'text' in posting && typeof posting.text === 'string' ? posting.text : (posting.draft?.text ?? '');
    const sentence = text.split(/(?<=[.!?])\s+|\n+/).find((s) => norm(s).includes(want)) ?? null;
    return {
      status: sentence ? 'mentioned_not_linked' : 'not_mentioned',
      sentence,
      closest,
      reason: sentence
        ? 'The posting mentions it, but not in a requirement the analysis linked with enough confidence.'
        : 'The posting does not mention it, and the inferred occupation does not require it.',
    };
  },
});
