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
  /** Model work done so far (sequences run and padded token positions), when the adapter counts it. */
  readonly usage?: { sequences: number; tokens: number };
  embed(texts: readonly string[], kind: EmbedKind, onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /**
   * One model pass per text that also yields a vector for each given character span: the mean of the span's
   * contextual token vectors (L2-normalised). `text` equals what `embed([text], kind)` returns. Much cheaper than
   * embedding every phrase on its own; absent when the adapter cannot map tokens to characters.
   */
  embedInContext?(items: readonly TextWithSpans[], kind: EmbedKind): Promise<ContextVectors[]>;
}

export type EmbedKind = 'query' | 'passage';

export interface TextWithSpans {
  text: string;
  /** Character offsets into `text`, end exclusive. */
  spans: readonly { start: number; end: number }[];
}

export interface ContextVectors {
  text: Float32Array;
  /** One per span, in order; a span the model did not see (past its length limit) gets its own pass. */
  spans: Float32Array[];
}
