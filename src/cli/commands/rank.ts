import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { rankTexts } from '../../service/rank-skills.js';
import { reportCliError } from '../errors.js';
import type { ServiceFactory } from './taxonomy.js';

/** `skillproof rank -k 10 --jsonl`: one text per stdin line → one JSON line of ranked ESCO skills. */
export function registerRankCommand(program: Command, getService: ServiceFactory): void {
  program
    .command('rank')
    .description('Rank ESCO skills for each line of stdin (batch use; one JSON line out per line in)')
    .option('-k, --k <n>', 'results per line', '10')
    .option('--jsonl', 'write JSON lines (the only output format)', true)
    .option('--multilingual', 'use the multilingual model (non-English text)')
    .option('--batch <n>', 'lines ranked together', '64')
    .action(async (opts: { k: string; multilingual?: boolean; batch: string }) => {
      try {
        const k = Number(opts.k);
        if (!Number.isInteger(k) || k < 1 || k > 200) throw new InputError('bad_k', `-k must be a whole number from 1 to 200, not "${opts.k}".`);
        const service = getService({ progress: false });
        const engine = await service.engine(opts.multilingual ? 'multilingual' : 'primary');
        const lexical = await service.lexical();
        const batchSize = Math.max(1, Number(opts.batch) || 64);
        let batch: string[] = [];
        const flush = async () => {
          if (!batch.length) return;
          const ranked = await rankTexts(engine, lexical, batch.map((l) => l.trim()), { k });
          for (const [i, list] of ranked.entries()) {
            const results = batch[i]!.trim()
              ? list.map((r) => ({ uri: r.uri, label: engine.taxonomy.label(r.uri) ?? r.uri, score: Number(r.score.toFixed(4)) }))
              : [];
            process.stdout.write(`${JSON.stringify({ results })}\n`);
          }
          batch = [];
        };
        for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
          batch.push(line);
          if (batch.length >= batchSize) await flush();
        }
        await flush();
      } catch (e) {
        reportCliError(e);
      }
    });
}
