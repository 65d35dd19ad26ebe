/**
 * Turns texts into unit-length vectors.
 *
 * Contract:
 * - `embed` returns one `Float32Array` of length `dim` per input, in input order, L2-normalised
 *   (so a dot product is the cosine similarity).
 * - `kind` says whether a text is what we search *with* (`query`) or what we search *in* (`passage`);
 *   models with prefixes (E5: "query: ", "passage: ") get them from the adapter, never from callers.
 * - Batching is the adapter's business: callers may pass thousands of texts; `onProgress` reports done/total.
 * - The same text with the same kind always yields the same vector (deterministic).
 */
export interface Embedder {
  /** Stable id used in cache keys, e.g. `Xenova/all-MiniLM-L6-v2@q8`. */
  readonly id: string;
  readonly dim: number;
  embed(texts: readonly string[], kind: EmbedKind, onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** Token-level vectors for late interaction, when the adapter supports it. */
  embedTokens?(texts: readonly string[], kind: EmbedKind): Promise<TokenVectors[]>;
}

export type EmbedKind = 'query' | 'passage';

export interface TokenVectors {
  tokens: string[];
  /** Row-major [tokens.length × dim], each row L2-normalised. */
  vectors: Float32Array;
}
