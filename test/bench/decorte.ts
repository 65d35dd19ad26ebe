import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Taxonomy } from '../../src/ports/taxonomy.js';

export interface BenchQuery {
  sentence: string;
  gold: string[];
}

export interface DecorteSplit {
  name: string;
  queries: BenchQuery[];
  /** Gold labels no current concept could be found for. */
  unresolved: string[];
}

const DROP = new Set(['UNDERSPECIFIED', 'LABEL NOT PRESENT']);

/**
 * Load one Decorte split following the published protocol (bench/README.md): drop the two placeholder labels,
 * group by exact sentence, de-duplicate, drop sentences left with none; gold labels resolve to concept URIs
 * through current preferred labels, then alternative labels (concepts renamed since v1.1.0).
 */
export function loadDecorteSplit(benchDir: string, file: string, taxonomy: Taxonomy): DecorteSplit {
  const rows = parse(readFileSync(join(benchDir, 'decorte', file)), { columns: true, bom: true }) as { sentence: string; label: string }[];
  const byPref = new Map<string, string>();
  const byAlt = new Map<string, string>();
  for (const s of taxonomy.skills()) {
    byPref.set(s.preferredLabel.en!.trim(), s.uri);
    for (const a of s.altLabels.en ?? []) if (!byAlt.has(a.trim())) byAlt.set(a.trim(), s.uri);
  }
  const grouped = new Map<string, Set<string>>();
  const unresolved = new Set<string>();
  for (const r of rows) {
    const label = r.label.trim();
    if (!label || DROP.has(label)) continue;
    const uri = byPref.get(label) ?? byAlt.get(label);
    if (!uri) {
      unresolved.add(label);
      continue;
    }
    const set = grouped.get(r.sentence) ?? new Set<string>();
    set.add(uri);
    grouped.set(r.sentence, set);
  }
  const queries = [...grouped].filter(([, g]) => g.size > 0).map(([sentence, g]) => ({ sentence, gold: [...g] }));
  return { name: file.replace('_annotations.csv', ''), queries, unresolved: [...unresolved] };
}

export interface RankMetrics {
  rp1: number;
  rp5: number;
  rp10: number;
  mrr: number;
  n: number;
}

/** RP@K = mean |top-K ∩ gold| / min(K, |gold|); MRR = mean 1/rank of the first gold item (0 if absent). */
export function scoreRankings(queries: readonly BenchQuery[], rankings: readonly string[][]): RankMetrics {
  let rp1 = 0;
  let rp5 = 0;
  let rp10 = 0;
  let mrr = 0;
  queries.forEach((q, i) => {
    const ranked = rankings[i] ?? [];
    const gold = new Set(q.gold);
    const rp = (k: number) => ranked.slice(0, k).filter((u) => gold.has(u)).length / Math.min(k, gold.size);
    rp1 += rp(1);
    rp5 += rp(5);
    rp10 += rp(10);
    const first = ranked.findIndex((u) => gold.has(u));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
  });
  const n = queries.length || 1;
  return { rp1: (100 * rp1) / n, rp5: (100 * rp5) / n, rp10: (100 * rp10) / n, mrr: mrr / n, n: queries.length };
}
