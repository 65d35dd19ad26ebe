import type { LexicalMatcher } from '../../src/core/lexical-matcher.js';
import type { WiredService } from '../../src/service/create-service.js';
import { rankTexts, type RankOptions } from '../../src/service/rank-skills.js';
import { rankOptionsFor } from '../../src/service/link-posting.js';
import { rerankerFor } from '../../src/service/rerank-skills.js';
import { loadDecorteSplit, scoreRankings, type DecorteSplit, type RankMetrics } from './decorte.js';
import { printTable } from './table.js';

export interface Configuration {
  name: string;
  options: Partial<RankOptions>;
  /** Add the trained re-ranker for the model under test (row skipped when it has none). */
  reranker?: boolean;
  /** Use the product's own per-model options and re-ranker (what analyze runs), ignoring `options`. */
  shipped?: boolean;
}

export const CONFIGURATIONS: Configuration[] = process.env.BENCH_TUNE
  ? [
      { name: 'w0.5 lex0.2', options: { lexicalBonus: 0.2 } },
      { name: 'w0.5 lex0.3', options: { lexicalBonus: 0.3 } },
      { name: 'w0.6 lex0.2', options: { sentenceWeight: 0.6, lexicalBonus: 0.2 } },
      { name: 'w0.4 lex0.2', options: { sentenceWeight: 0.4, lexicalBonus: 0.2 } },
      { name: 'w0.5 lex0.2 pool50', options: { lexicalBonus: 0.2, pool: 50 } },
    ]
  : [
      { name: 'baseline: dense sentence (max cos over pref+alt)', options: { sentence: true, spans: false, lexical: false } },
      { name: '+ span queries (sentence·0.5 + best span·0.5)', options: { sentence: true, spans: true, lexical: false } },
      { name: '+ lexical labels, no spans', options: { sentence: true, spans: false, lexical: true } },
      { name: 'pipeline (sentence + spans + lexical)', options: {} },
      { name: 'pipeline + trained re-ranker', options: {}, reranker: true },
      { name: 'pipeline + trained re-ranker, phrase search 4 labels/concept', options: { spanOverfetch: 4 }, reranker: true },
      { name: 'pipeline, contextual span vectors (one pass per sentence)', options: { contextualSpans: true } },
      { name: 'shipped default for this model', options: {}, shipped: true },
      { name: 'pipeline, contextual spans, own pass for 1-word', options: { contextualSpans: true, isolatedSpanWords: 1 } },
      { name: 'pipeline, contextual spans, own pass for ≤2-word', options: { contextualSpans: true, isolatedSpanWords: 2 } },
    ];

/** Prints the table and returns its rows (configuration, split, RP@1, RP@5, RP@10, MRR, …) for side-by-side runs. */
export async function benchLinking(service: WiredService, benchDir: string, lexical: LexicalMatcher): Promise<string[][]> {
  const engine = await service.engine('primary');
  console.log(`model: ${engine.embedder.id}`);
  // While tuning, look at validation only (BENCH_VALIDATION_ONLY=1); the test split is for reporting.
  const files = ['tech_validation_annotations.csv', 'house_validation_annotations.csv', 'tech_test_annotations.csv'].filter(
    (f) => !(process.env.BENCH_VALIDATION_ONLY && f.startsWith('tech_test')),
  );
  const splits: DecorteSplit[] = files.map((f) =>
    loadDecorteSplit(benchDir, f, engine.taxonomy),
  );
  for (const s of splits) console.log(`${s.name}: ${s.queries.length} queries, ${s.unresolved.length} gold labels unresolved${s.unresolved.length ? ` (${s.unresolved.slice(0, 3).join('; ')})` : ''}`);
  const rows: string[][] = [];
  for (const c of CONFIGURATIONS) {
    // The shipped row: the per-model options and the re-ranker exactly as linkPosting uses them.
    const reranker = c.reranker || c.shipped ? rerankerFor(engine.embedder.id) : null;
    if (c.reranker && !reranker) continue;
    const options = c.shipped ? rankOptionsFor(engine.embedder.id) : c.options;
    for (const s of splits) {
      const started = performance.now();
      const before = engine.embedder.usage?.tokens ?? 0;
      const ranked = await rankTexts(engine, lexical, s.queries.map((q) => q.sentence), { ...options, ...(reranker ? { reranker } : {}), k: 100 });
      const ms = (performance.now() - started) / s.queries.length;
      const tokens = ((engine.embedder.usage?.tokens ?? 0) - before) / s.queries.length;
      const m: RankMetrics = scoreRankings(s.queries, ranked.map((r) => r.map((x) => x.uri)));
      rows.push([c.name, s.name, m.rp1.toFixed(1), m.rp5.toFixed(1), m.rp10.toFixed(1), m.mrr.toFixed(3), ms.toFixed(1), tokens.toFixed(0)]);
    }
  }
  printTable(['configuration', 'split', 'RP@1', 'RP@5', 'RP@10', 'MRR', 'ms/sentence', 'model tokens/sentence'], rows);
  return rows;
}
