import { InputError } from '../core/errors.js';
import type { Embedder } from '../ports/embedder.js';
import type { SkillIndex } from '../ports/skill-index.js';
import type { Taxonomy } from '../ports/taxonomy.js';
import { SearchSkillsInputSchema, type SearchSkillsInput, type SkillSearchHit } from './service-types.js';

export interface SearchDeps {
  taxonomy: Taxonomy;
  embedder: Embedder;
  index: SkillIndex;
}

/** Rank ESCO skills for a short text by embedding similarity to their labels (best label per concept). */
export async function searchSkills(deps: SearchDeps, input: SearchSkillsInput): Promise<SkillSearchHit[]> {
  const parsed = SearchSkillsInputSchema.safeParse(input);
  if (!parsed.success || !parsed.data.query.trim()) {
    throw new InputError('empty_query', 'The search text is empty: give a few words describing a skill, e.g. "Python programming".');
  }
  const { query, k, lang } = parsed.data;
  if (lang && !deps.taxonomy.languages.includes(lang)) {
    throw new InputError('unknown_language', `No ESCO labels loaded for "${lang}". Loaded: ${deps.taxonomy.languages.join(', ')}. Add it with --lang when building the index.`);
  }
  const [vector] = await deps.embedder.embed([query.trim()], 'query');
  return (await deps.index.searchConcepts(vector!, k)).map((hit) => {
    const skill = deps.taxonomy.skill(hit.conceptUri);
    return {
      uri: hit.conceptUri,
      label: deps.taxonomy.label(hit.conceptUri, lang ?? 'en') ?? hit.best.text,
      skillType: skill?.skillType ?? 'unknown',
      score: hit.score,
      matchedSurface: hit.best.text,
    };
  });
}
