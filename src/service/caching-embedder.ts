import type { EmbedKind, Embedder } from '../ports/embedder.js';

/**
 * Remember recent query vectors (least recently used out first). Postings repeat themselves — the same posting
 * re-opened in the panel, the same boilerplate sentences across a company's ads — and a vector costs a model run.
 * Bulk calls (index builds) bypass the cache.
 */
export function cachingEmbedder(inner: Embedder, maxEntries = 50_000): Embedder & { readonly cached: number } {
  const cache = new Map<string, Float32Array>();
  const keyOf = (kind: EmbedKind, text: string) => `${kind}\u0000${text}`;
  return {
    id: inner.id,
    dim: inner.dim,
    get cached() {
      return cache.size;
    },
    embedTokens: inner.embedTokens?.bind(inner),
    async embed(texts, kind, onProgress) {
      if (texts.length > 1024) return inner.embed(texts, kind, onProgress);
      const out: Float32Array[] = new Array(texts.length);
      const missing: string[] = [];
      texts.forEach((t, i) => {
        const hit = cache.get(keyOf(kind, t));
        if (hit) {
          cache.delete(keyOf(kind, t));
          cache.set(keyOf(kind, t), hit);
          out[i] = hit;
        } else missing.push(t);
      });
      if (missing.length) {
        const unique = [...new Set(missing)];
        const vectors = await inner.embed(unique, kind);
        unique.forEach((t, i) => cache.set(keyOf(kind, t), vectors[i]!));
        while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
        texts.forEach((t, i) => (out[i] ??= cache.get(keyOf(kind, t))!));
      }
      onProgress?.(texts.length, texts.length);
      return out;
    },
  };
}
