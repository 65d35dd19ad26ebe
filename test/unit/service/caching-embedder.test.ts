import { describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../../src/adapters/hashing-embedder.js';
import type { Embedder, TextWithSpans } from '../../../src/ports/embedder.js';
import { cachingEmbedder } from '../../../src/service/caching-embedder.js';

/** A fake with in-context phrase vectors (the phrase's own hashed vector) that counts the sentences it runs. */
function contextFake() {
  const inner = createHashingEmbedder(64);
  const calls = { sentences: 0 };
  const embedder: Embedder = {
    ...inner,
    async embedInContext(items: readonly TextWithSpans[], kind) {
      calls.sentences += items.length;
      const texts = await inner.embed(items.map((i) => i.text), kind);
      return Promise.all(items.map(async (it, n) => ({ text: texts[n]!, spans: await inner.embed(it.spans.map((s) => it.text.slice(s.start, s.end)), kind) })));
    },
  };
  return { embedder, calls };
}

describe('cachingEmbedder with in-context phrase vectors', () => {
  it('runs a sentence with the same phrases once, and again when the phrases differ', async () => {
    const { embedder, calls } = contextFake();
    const cached = cachingEmbedder(embedder, 100);
    const text = 'Python and SQL';
    const a = await cached.embedInContext!([{ text, spans: [{ start: 0, end: 6 }] }], 'query');
    const b = await cached.embedInContext!([{ text, spans: [{ start: 0, end: 6 }] }, { text, spans: [{ start: 11, end: 14 }] }], 'query');
    expect(calls.sentences).toBe(2);
    expect(b[0]!.spans[0]).toEqual(a[0]!.spans[0]);
    expect(b[1]!.spans[0]).not.toEqual(a[0]!.spans[0]);
  });
});
