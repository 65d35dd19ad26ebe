import type { EmbedKind, Embedder } from '../ports/embedder.js';

/** FNV-1a, enough to spread character n-grams over the vector. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A deterministic, model-free embedder: words and character trigrams hashed into a fixed-size vector.
 * It captures spelling overlap only — for unit tests and tiny taxonomies, never for real linking quality.
 */
export function createHashingEmbedder(dim = 256): Embedder {
  const one = (text: string): Float32Array => {
    const v = new Float32Array(dim);
    const words = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}+#]+/gu) ?? [];
    for (const w of words) {
      v[hash(`w:${w}`) % dim]! += 2;
      const padded = ` ${w} `;
      for (let i = 0; i + 3 <= padded.length; i++) v[hash(padded.slice(i, i + 3)) % dim]! += 1;
    }
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += v[i]! * v[i]!;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < dim; i++) v[i]! *= inv;
    return v;
  };
  return {
    id: `hashing-${dim}`,
    dim,
    async embed(texts: readonly string[], _kind: EmbedKind, onProgress) {
      const out = texts.map(one);
      onProgress?.(texts.length, texts.length);
      return out;
    },
  };
}
