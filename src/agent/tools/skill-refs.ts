import type { SkillRef } from '../capabilities.js';
import type { ToolContext } from './tool-types.js';

/** Map the user's skill words to ESCO (best hit each); words with no confident match are returned apart. */
export async function skillRefs(
  words: readonly string[],
  ctx: ToolContext,
): Promise<{ refs: SkillRef[]; unmatched: string[] }> {
  if (words.length === 0) return { refs: [], unmatched: [] };
  const lists = await ctx.service.linkTexts(words, { k: 1 });
  const refs: SkillRef[] = [];
  const unmatched: string[] = [];
  words.forEach((w, i) => {
    const best = lists[i]?.[0];
    if (best) refs.push({ escoUri: best.uri, label: best.label });
    else unmatched.push(w);
  });
  return { refs, unmatched };
}
