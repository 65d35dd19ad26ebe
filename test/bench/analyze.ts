import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WiredService } from '../../src/service/create-service.js';
import { EXAMPLES_DIR } from '../../src/cli/commands/demo.js';
import { benchReaders } from './readers.js';
import { printTable } from './table.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Warm analysis latency per posting (p50/p95), the share of time per stage, readers on a 5 MB page, and a
 * per-posting summary of the real postings for a human to judge. */
export async function benchAnalyze(service: WiredService, sharedDir: string, rounds = 5): Promise<void> {
  console.log('\n## Posting analysis (warm, this machine)');
  const dir = join(sharedDir, 'postings', 'remotewlb');
  const postings = [
    { name: 'example-posting.md', text: readFileSync(join(EXAMPLES_DIR, 'example-posting.md'), 'utf8') },
    ...readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
  ];
  // Warm every engine the postings need (English and multilingual) before timing.
  for (const p of postings) await service.analyze({ text: p.text });
  const totals: number[] = [];
  const perStage: Record<string, number> = {};
  const summary: string[][] = [];
  for (const p of postings) {
    const times: number[] = [];
    let last = null as Awaited<ReturnType<WiredService['analyze']>> | null;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      last = await service.analyze({ text: p.text });
      times.push(performance.now() - t);
      for (const [k, v] of Object.entries(last.timings)) if (k !== 'load') perStage[k] = (perStage[k] ?? 0) + v;
    }
    totals.push(...times);
    const top = last!.skills.filter((s) => s.importance === 'essential').slice(0, 6).map((s) => s.label);
    summary.push([p.name.slice(0, 44), last!.posting.language, String(last!.posting.sentenceCount), String(last!.skills.length), pct(times, 50).toFixed(0), top.join('; ')]);
  }
  printTable(['posting', 'lang', 'sent.', 'skills', 'p50 ms', 'top essential skills'], summary);
  const stageTotal = Object.values(perStage).reduce((a, b) => a + b, 0);
  console.log(`\nall postings: p50 ${pct(totals, 50).toFixed(0)} ms, p95 ${pct(totals, 95).toFixed(0)} ms over ${totals.length} runs (target ≤ 300 / ≤ 500)`);
  console.log(`time per stage: ${Object.entries(perStage).map(([k, v]) => `${k} ${((100 * v) / stageTotal).toFixed(0)}%`).join(', ')}`);
  const readers = await benchReaders();
  console.log(`readers: ${Object.entries(readers).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(0) : v}`).join(', ')} (5 MB page target ≤ 1000 ms)`);
}
