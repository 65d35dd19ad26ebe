import type { CredentialSkill } from './credential-entry.js';

/** One ESCO hit for a free-text skill, best first (what `SkillProofService.linkTexts` returns). */
export interface LinkHit {
  uri: string;
  label: string;
  score: number;
}
/** Maps free-text skill names to ESCO: one list of hits per input text, in input order. */
export type LinkTexts = (texts: readonly string[]) => Promise<LinkHit[][]>;

export interface ResolveOptions {
  /** Lowest linker score accepted as a mapping (default 0.8). */
  minScore?: number;
  /** Texts per linker call (default 256). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ResolvedTexts {
  /** Per normalised text: the mapped skill, or null when nothing reached the threshold. */
  byText: Map<string, CredentialSkill | null>;
  distinct: number;
  mapped: number;
}

// Coursera-style qualifiers say what kind of thing a skill is; they only add noise for the linker.
const KIND_QUALIFIER = /\s*\((?:programming language|software|web framework|python package|python library|library|tool|platform|framework)\)\s*/gi;

/** The form used to deduplicate and to query the linker. */
export function skillTextKey(text: string): string {
  return text.replace(KIND_QUALIFIER, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Map every distinct free-text skill once: deduplicate (case and qualifiers ignored), query the linker in batches,
 * keep the best hit at or above `minScore`.
 */
export async function resolveSkillTexts(texts: Iterable<string>, linkTexts: LinkTexts, options: ResolveOptions = {}): Promise<ResolvedTexts> {
  const minScore = options.minScore ?? 0.8;
  const batchSize = Math.max(1, options.batchSize ?? 256);
  const original = new Map<string, string>();
  for (const t of texts) {
    const k = skillTextKey(t);
    if (k && !original.has(k)) original.set(k, t.trim());
  }
  const keys = [...original.keys()];
  const byText = new Map<string, CredentialSkill | null>();
  let mapped = 0;
  options.onProgress?.(0, keys.length);
  for (let i = 0; i < keys.length; i += batchSize) {
    const batch = keys.slice(i, i + batchSize);
    const hits = await linkTexts(batch);
    batch.forEach((k, j) => {
      const best = (hits[j] ?? []).filter((h) => h.score >= minScore).sort((a, b) => b.score - a.score)[0];
      if (best) mapped++;
      byText.set(
        k,
        best
          ? { uri: best.uri, label: best.label, provenance: 'inferred', confidence: Math.min(1, Math.max(0, best.score)), sourceText: original.get(k) ?? k }
          : null,
      );
    });
    options.onProgress?.(Math.min(keys.length, i + batch.length), keys.length);
  }
  return { byText, distinct: keys.length, mapped };
}
