import type { Embedder } from '../ports/embedder.js';
import type { SkillIndex } from '../ports/skill-index.js';
import type { Taxonomy } from '../ports/taxonomy.js';

/** The loaded pieces every use case shares: taxonomy, embedder and the label index built from both. */
export interface SkillEngine {
  taxonomy: Taxonomy;
  embedder: Embedder;
  index: SkillIndex;
  /** The index point holding a label text, when indexed. */
  pointOf?: (text: string) => number | undefined;
}

export type ProgressReporter = (phase: string, done: number, total: number) => void;
