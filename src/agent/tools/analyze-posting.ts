import { z } from 'zod';
import { analyzeOnce, defineTool, NO_POSTING, PostingFieldsSchema, postingFrom } from './tool-types.js';

/** analyze_posting: which ESCO skills a posting asks for, essential first, with the sentence that says so. */
export const analyzePosting = defineTool({
  name: 'analyze_posting',
  description:
    'Read a job posting and list the ESCO skills it requires (essential and optional), each with the sentence that ' +
    'mentions it, plus the inferred occupation and its unstated essential skills.',
  schema: PostingFieldsSchema.extend({
    maxSkills: z.number().int().min(1).max(100).default(30).describe('How many skills to list at most'),
  }),
  async run(args, ctx) {
    const posting = postingFrom(args, ctx);
    if (!posting) return NO_POSTING;
    const a = await analyzeOnce(posting, ctx);
    const ordered = [...a.skills].sort(
      (x, y) => Number(y.importance === 'essential') - Number(x.importance === 'essential') || y.score - x.score,
    );
    return {
      title: a.posting.title,
      organisation: a.posting.organisation,
      language: a.posting.language,
      skills: ordered.slice(0, args.maxSkills).map((s) => ({
        label: s.label,
        escoUri: s.escoUri,
        importance: s.importance,
        score: Number(s.score.toFixed(3)),
        evidence: s.evidence[0]?.sentence ?? null,
      })),
      occupations: a.occupations.slice(0, 3).map((o) => ({ label: o.label, escoUri: o.escoUri })),
      implied: a.implied.map((s) => ({ label: s.label, escoUri: s.escoUri })),
      notes: a.notes,
    };
  },
});
