import type { Occupation, RelationType, SkillConcept, SkillGroup } from '../core/taxonomy-types.js';

/**
 * Read access to a skills taxonomy (ESCO).
 *
 * Contract:
 * - URIs are the taxonomy's concept URIs; unknown URIs return `undefined` / empty arrays, never throw.
 * - `label(uri, lang)` falls back to English when the language has no label.
 * - `broader` goes up one level in the skill hierarchy (skill → broader skill or skill group);
 *   `narrower` is its inverse.
 */
export interface Taxonomy {
  readonly version: string;
  readonly languages: readonly string[];
  skills(): readonly SkillConcept[];
  skill(uri: string): SkillConcept | undefined;
  label(uri: string, lang?: string): string | undefined;
  broader(uri: string): readonly string[];
  narrower(uri: string): readonly string[];
  /** Skill–skill relations (ESCO's "essential"/"optional" between skills). */
  related(uri: string): readonly { uri: string; relation: RelationType }[];
  skillGroup(uri: string): SkillGroup | undefined;
  occupations(): readonly Occupation[];
  occupation(uri: string): Occupation | undefined;
  occupationSkills(uri: string): readonly { skillUri: string; relation: RelationType }[];
  /** Occupations that list this skill (how common a skill is: a prior). */
  skillOccupationCount(uri: string): number;
}
