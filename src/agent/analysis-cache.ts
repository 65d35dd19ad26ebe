import type { PostingAnalysis } from '../core/analysis.js';

/**
 * Analyses of recent postings, kept across chat turns so follow-ups ("cheaper?", "why is X missing?") do not
 * analyse the same posting again. Least recently used entries go first; failed analyses are not kept.
 */
export class AnalysisCache extends Map<string, Promise<PostingAnalysis>> {
  constructor(private readonly maxEntries = 32) {
    super();
  }

  override get(key: string): Promise<PostingAnalysis> | undefined {
    const hit = super.get(key);
    if (hit) {
      super.delete(key);
      super.set(key, hit);
    }
    return hit;
  }

  override set(key: string, value: Promise<PostingAnalysis>): this {
    super.delete(key);
    super.set(key, value);
    while (this.size > this.maxEntries) this.delete(this.keys().next().value!);
    return this;
  }
}
