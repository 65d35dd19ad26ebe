import type { ContextVectors, EmbedKind, Embedder, TextWithSpans } from '../ports/embedder.js';

/**
 * Remember recent query vectors (least recently used out first). Postings repeat themselves — the same posting
 * re-opened in the panel, the same boilerplate sentences across a company's ads — and a vector costs a model run.
 * Bulk calls (index builds) bypass the cache.
 */
export function cachingEmbedder(inner: Embedder, maxEntries = 50_000): Embedder & { readonly cached: number } {
  const cache = new Map<string, Float32Array>();
  const contextCache = new Map<string, ContextVectors>();
  const keyOf = (kind: EmbedKind, text: string) => `${kind}\u0000${text}`;
  return {
    id: inner.id,
    dim: inner.dim,
    get usage() {
      return inner.usage;
    },
    get cached() {
      return cache.size;
    },
    embedInContext: inner.embedInContext && (async (items, kind) => {
      const keyOfItem = (it: TextWithSpans) => `ctx\u0000${kind}\u0000${it.text}\u0000${it.spans.map((s) => `${s.start}:${s.end}`).join(',')}`;
      const found = new Map<string, ContextVectors>();
      for (const it of items) {
        const key = keyOfItem(it);
        const hit = contextCache.get(key);
        if (!hit) continue;
        contextCache.delete(key);
        contextCache.set(key, hit);
        found.set(key, hit);
      }
      const missing = items.filter((it) => !found.has(keyOfItem(it)));
      if (missing.length) {
        const vectors = await inner.embedInContext!(missing, kind);
        missing.forEach((it, i) => {
          found.set(keyOfItem(it), vectors[i]!);
          contextCache.set(keyOfItem(it), vectors[i]!);
        });
        while (contextCache.size > Math.max(1, maxEntries / 8)) contextCache.delete(contextCache.keys().next().value!);
      }
      return items.map((it) => found.get(keyOfItem(it))!);
    }),
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
