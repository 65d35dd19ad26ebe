import type { LexicalMatcher } from '../../src/core/lexical-matcher.js';
import type { WiredService } from '../../src/service/create-service.js';
import { rankTexts, type RankOptions } from '../../src/service/rank-skills.js';
import { loadDecorteSplit, scoreRankings, type DecorteSplit, type RankMetrics } from './decorte.js';
import { printTable } from './table.js';

export interface Configuration {
  name: string;
  options: Partial<RankOptions>;
}

export const CONFIGURATIONS: Configuration[] = [
  { name: 'baseline: dense sentence (max cos over pref+alt)', options: { sentence: true, spans: false, lexical: false } },
  { name: '+ span queries', options: { sentence: true, spans: true, lexical: false } },
  { name: '+ lexical labels', options: { sentence: true, spans: false, lexical: true } },
  { name: 'pipeline (sentence + spans + lexical)', options: {} },
];

export async function benchLinking(service: WiredService, benchDir: string, lexical: LexicalMatcher): Promise<void> {
  const engine = await service.engine('primary');
  const splits: DecorteSplit[] = ['tech_validation_annotations.csv', 'house_validation_annotations.csv', 'tech_test_annotations.csv'].map((f) =>
    loadDecorteSplit(benchDir, f, engine.taxonomy),
  );
  for (const s of splits) console.log(`${s.name}: ${s.queries.length} queries, ${s.unresolved.length} gold labels unresolved${s.unresolved.length ? ` (${s.unresolved.slice(0, 3).join('; ')})` : ''}`);
  const rows: string[][] = [];
  for (const c of CONFIGURATIONS) {
    for (const s of splits) {
      const started = performance.now();
      const ranked = await rankTexts(engine, lexical, s.queries.map((q) => q.sentence), { ...c.options, k: 100 });
      const ms = (performance.now() - started) / s.queries.length;
      const m: RankMetrics = scoreRankings(s.queries, ranked.map((r) => r.map((x) => x.uri)));
      rows.push([c.name, s.name, m.rp1.toFixed(1), m.rp5.toFixed(1), m.rp10.toFixed(1), m.mrr.toFixed(3), ms.toFixed(1)]);
    }
  }
  printTable(['configuration', 'split', 'RP@1', 'RP@5', 'RP@10', 'MRR', 'ms/sentence'], rows);
}
