import type { LexicalMatcher } from '../../src/core/lexical-matcher.js';
import type { Config } from '../../src/service/config.js';
import { createService } from '../../src/service/create-service.js';
import { benchLinking } from './linking.js';
import { printTable } from './table.js';

/**
 * Run the linking suite again with the untrained base model and print both runs side by side, per configuration and
 * split: base → trained for RP@1/5/10 and MRR. Used to decide whether the ESCO-tuned model is worth shipping.
 */
export async function compareWithBase(config: Config, benchDir: string, lexical: LexicalMatcher, trainedRows: string[][]): Promise<void> {
  console.log('\n### Same suite with the base model (SKILLPROOF_TRAINED_MODEL=off)');
  const base = createService({ config: { ...config, trainedModel: 'off' }, queryCacheSize: 0, onNotice: () => undefined });
  const baseRows = await benchLinking(base, benchDir, lexical);
  const key = (r: string[]) => `${r[0]}\u0000${r[1]}`;
  const byKey = new Map(baseRows.map((r) => [key(r), r]));
  const rows: string[][] = [];
  for (const t of trainedRows) {
    const b = byKey.get(key(t));
    if (!b) continue;
    const cell = (i: number, digits: number) => {
      const delta = Number(t[i]) - Number(b[i]);
      return `${b[i]} → ${t[i]} (${delta >= 0 ? '+' : ''}${delta.toFixed(digits)})`;
    };
    rows.push([t[0]!, t[1]!, cell(2, 1), cell(3, 1), cell(4, 1), cell(5, 3)]);
  }
  console.log('\n### Base → trained');
  printTable(['configuration', 'split', 'RP@1', 'RP@5', 'RP@10', 'MRR'], rows);
  await base.close();
}
