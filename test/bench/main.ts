/**
 * `npm run bench [-- suite ...]`: speed and quality figures on the shared data (../shared).
 * Suites: index, linking, melo, analyze (default: index linking).
 */
import { createService } from '../../src/service/create-service.js';
import { loadConfig } from '../../src/service/config.js';
import { buildLexicalMatcher } from '../../src/service/lexicon.js';
import { join } from 'node:path';

const suites = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (name: string) => suites.length === 0 ? ['index', 'linking'].includes(name) : suites.includes(name) || suites.includes('all');

const config = loadConfig(process.env);
if (!config.sharedDir || !config.escoDir) {
  console.error('Benchmarks need ../shared (ESCO, models, bench data). Set SKILLPROOF_SHARED_DIR.');
  process.exit(2);
}
const service = createService({ config, onProgress: (phase, done, total) => {
  if (done === total || done % 20000 < 64) process.stderr.write(`  ${phase} ${done}/${total}\n`);
} });

if (wanted('index')) {
  const { benchIndex } = await import('./index-bench.js');
  await benchIndex(config);
}
if (wanted('linking')) {
  console.log('\n## Skill linking (Decorte et al.; RP in %, MRR in [0,1])');
  const { benchLinking } = await import('./linking.js');
  const t = performance.now();
  const lexical = buildLexicalMatcher(await service.taxonomy());
  console.log(`lexical dictionary: ${lexical.size} label keys in ${(performance.now() - t).toFixed(0)} ms`);
  await benchLinking(service, join(config.sharedDir, 'bench'), lexical);
}
if (wanted('analyze')) {
  const { benchAnalyze } = await import('./analyze.js');
  await benchAnalyze(service, config.sharedDir);
}
if (wanted('melo')) {
  const { benchMelo } = await import('./melo.js');
  await benchMelo(config);
}
