import { z } from 'zod';
import { defineTool } from './tool-types.js';

/** search_skills: free words → the closest ESCO skills. */
export const searchSkills = defineTool({
  name: 'search_skills',
  description: 'Find ESCO skills matching some words (any supported language), best first, with a similarity score.',
  schema: z.object({
    query: z.string().min(1).max(500).describe('Words describing the skill, e.g. "container orchestration"'),
    k: z.number().int().min(1).max(20).default(5).describe('How many skills to return'),
    lang: z.string().regex(/^[a-z]{2}$/).optional().describe('Language of the labels to show (ISO 639-1)'),
  }),
  async run(args, ctx) {
    const hits = await ctx.service.searchSkills({ query: args.query, k: args.k, lang: args.lang });
    return {
      skills: hits.map((h) => ({ label: h.label, escoUri: h.uri, score: Number(h.score.toFixed(3)), matched: h.matchedSurface })),
    };
  },
});
