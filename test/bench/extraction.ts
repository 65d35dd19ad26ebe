import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { WiredService } from '../../src/service/create-service.js';
import { printTable } from './table.js';

/** Placeholder labels of the Decorte annotations (not concepts). */
const PLACEHOLDERS = new Set(['UNDERSPECIFIED', 'LABEL NOT PRESENT']);
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

interface Posting {
  idx: number;
  text: string;
  gold: Set<string>;
}

/** The 31 SkillSpan TECH test postings (one sentence a line) with gold = every ESCO concept the Decorte TECH
 * validation/test annotations give to any of the posting's sentences (preferred, then alternative labels). */
function loadPostings(benchDir: string, byPref: Map<string, string>, byAlt: Map<string, string>): Posting[] {
  const labels = new Map<string, Set<string>>();
  for (const file of ['tech_validation_annotations.csv', 'tech_test_annotations.csv']) {
    const rows = parse(readFileSync(join(benchDir, 'decorte', file)), { columns: true, bom: true }) as { sentence: string; label: string }[];
    for (const r of rows) {
      const label = r.label.trim();
      if (!label || PLACEHOLDERS.has(label)) continue;
      const uri = byPref.get(label) ?? byAlt.get(label);
      if (!uri) continue;
      const key = norm(r.sentence);
      const set = labels.get(key) ?? new Set<string>();
      set.add(uri);
      labels.set(key, set);
    }
  }
  const byIdx = new Map<number, string[]>();
  for (const line of readFileSync(join(benchDir, 'skillspan', 'test_tech_postings.json'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { idx: number; tokens: string[] };
    const list = byIdx.get(row.idx) ?? [];
    list.push(row.tokens.join(' '));
    byIdx.set(row.idx, list);
  }
  return [...byIdx].map(([idx, sentences]) => {
    const gold = new Set<string>();
    for (const s of sentences) for (const u of labels.get(norm(s)) ?? []) gold.add(u);
    return { idx, text: sentences.join('\n'), gold };
  });
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const top = (counts: Map<string, number>, n = 15) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, n).map(([l, c]) => `${l} (${c})`).join('; ');

/** `npm run bench -- extraction`: the posting-level skill list of `analyze` (essential + optional) against the
 * Decorte gold of the SkillSpan TECH test postings: strict and lenient precision, recall, F1, ms per posting. */
export async function benchExtraction(service: WiredService, benchDir: string): Promise<void> {
  console.log('\n## Posting-level extraction (SkillSpan TECH test postings, Decorte gold; micro-averaged, %)');
  const tax = await service.taxonomy();
  const byPref = new Map<string, string>();
  const byAlt = new Map<string, string>();
  const labelOf = new Map<string, string>();
  for (const s of tax.skills()) {
    byPref.set(s.preferredLabel.en!.trim(), s.uri);
    labelOf.set(s.uri, s.preferredLabel.en ?? s.uri);
    for (const a of s.altLabels.en ?? []) if (!byAlt.has(a.trim())) byAlt.set(a.trim(), s.uri);
  }
  const postings = loadPostings(benchDir, byPref, byAlt).filter((p) => p.gold.size > 0);
  await service.analyze({ text: postings[0]!.text }); // warm
  const groups = ['all', 'essential', 'optional'] as const;
  const stats = Object.fromEntries(groups.map((g) => [g, { tp: 0, lenient: 0, predicted: 0 }])) as Record<(typeof groups)[number], { tp: number; lenient: number; predicted: number }>;
  let goldTotal = 0;
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const times: number[] = [];
  for (const p of postings) {
    const t = performance.now();
    const analysis = await service.analyze({ text: p.text, lang: 'en' });
    times.push(performance.now() - t);
    const predicted = new Map<string, 'essential' | 'optional'>();
    for (const s of analysis.skills) if (s.importance === 'essential' || s.importance === 'optional') if (!predicted.has(s.escoUri)) predicted.set(s.escoUri, s.importance);
    goldTotal += p.gold.size;
    const near = new Set<string>();
    for (const g of p.gold) for (const u of [...tax.broader(g), ...tax.narrower(g)]) near.add(u);
    for (const [uri, imp] of predicted) {
      const hit = p.gold.has(uri);
      for (const g of ['all', imp] as const) {
        stats[g].predicted++;
        if (hit) stats[g].tp++;
        if (hit || near.has(uri)) stats[g].lenient++;
      }
      if (!hit) fp.set(labelOf.get(uri) ?? uri, (fp.get(labelOf.get(uri) ?? uri) ?? 0) + 1);
    }
    for (const g of p.gold) if (!predicted.has(g)) fn.set(labelOf.get(g) ?? g, (fn.get(labelOf.get(g) ?? g) ?? 0) + 1);
  }
  const rows = groups.map((g) => {
    const s = stats[g];
    const prec = s.predicted ? (100 * s.tp) / s.predicted : 0;
    const rec = goldTotal ? (100 * s.tp) / goldTotal : 0;
    return [g, String(s.predicted), String(s.tp), prec.toFixed(1), rec.toFixed(1), f1(prec, rec).toFixed(1), (s.predicted ? (100 * s.lenient) / s.predicted : 0).toFixed(1)];
  });
  console.log(`${postings.length} postings with gold, ${goldTotal} gold concepts (recall per group is against all gold)`);
  printTable(['group', 'predicted', 'correct', 'strict P', 'R', 'F1', 'lenient P'], rows);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`ms per posting: mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)}, p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} (target strict F1 ≥ 45 at P ≥ 60, lenient P ≥ 70)`);
  console.log(`most frequent false positives: ${top(fp)}`);
  console.log(`most frequent false negatives: ${top(fn)}`);
}
