import type { ImpliedSkill, OccupationMatch, SkillMatch } from '../core/analysis.js';
import { searchableTitle } from '../core/job-title.js';
import type { Embedder } from '../ports/embedder.js';
import type { SkillIndex } from '../ports/skill-index.js';
import type { Taxonomy } from '../ports/taxonomy.js';

export interface OccupationDeps {
  taxonomy: Taxonomy;
  embedder: Embedder;
  /** Label index over ESCO occupations (preferred + alternative labels). */
  occupations: SkillIndex;
}

const TITLE_WEIGHT = 0.7;

/**
 * ESCO occupations for a posting: title similarity to occupation labels, blended with how many of the stated
 * skills the occupation lists. Without a title, skill overlap alone decides.
 */
export interface OccupationOptions {
  /** How many occupations to return (default 3). */
  k?: number;
  /** The posting's language (ISO 639-1): English titles are read in the singular. */
  lang?: string | null;
}

export async function inferOccupations(deps: OccupationDeps, title: string | null, skills: readonly SkillMatch[], options: OccupationOptions = {}): Promise<OccupationMatch[]> {
  const { k = 3, lang } = options;
  const stated = new Set(skills.map((s) => s.escoUri));
  const scores = new Map<string, { title: number; overlap: number }>();
  if (title?.trim()) {
    const [v] = await deps.embedder.embed([searchableTitle(title, lang)], 'query');
    for (const hit of await deps.occupations.searchConcepts(v!, 25)) scores.set(hit.conceptUri, { title: hit.score, overlap: 0 });
  }
  if (stated.size) {
    const candidates = scores.size ? [...scores.keys()] : deps.taxonomy.occupations().map((o) => o.uri);
    for (const uri of candidates) {
      const rel = deps.taxonomy.occupationSkills(uri);
      if (!rel.length) continue;
      const hits = rel.filter((r) => stated.has(r.skillUri)).length;
      const entry = scores.get(uri) ?? { title: 0, overlap: 0 };
      entry.overlap = hits / Math.min(stated.size, rel.length);
      if (hits || scores.has(uri)) scores.set(uri, entry);
    }
  }
  const useTitle = Boolean(title?.trim());
  return [...scores]
    .map(([uri, s]) => ({ escoUri: uri, label: deps.taxonomy.occupation(uri)?.preferredLabel.en ?? uri, score: useTitle ? TITLE_WEIGHT * s.title + (1 - TITLE_WEIGHT) * s.overlap : s.overlap }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((o) => ({ ...o, score: Number(o.score.toFixed(3)) }));
}

/** The top occupation's essential skills the posting did not state (nor a narrower or broader form of them). */
export function impliedSkills(taxonomy: Taxonomy, occupation: OccupationMatch | undefined, skills: readonly SkillMatch[], max = 12): ImpliedSkill[] {
  if (!occupation) return [];
  const covered = new Set<string>();
  for (const s of skills) {
    covered.add(s.escoUri);
    taxonomy.broader(s.escoUri).forEach((u) => covered.add(u));
    taxonomy.narrower(s.escoUri).forEach((u) => covered.add(u));
  }
  return taxonomy
    .occupationSkills(occupation.escoUri)
    .filter((r) => r.relation === 'essential' && !covered.has(r.skillUri))
    .slice(0, max)
    .map((r) => ({
      escoUri: r.skillUri,
      label: taxonomy.label(r.skillUri) ?? r.skillUri,
      skillType: taxonomy.skill(r.skillUri)?.skillType ?? 'unknown',
      occupationUri: occupation.escoUri,
    }));
}
