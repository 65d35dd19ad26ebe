import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import type { WiredService } from '../../service/create-service.js';
import { reportCliError } from '../errors.js';

export type ServiceFactory = (opts?: { progress?: boolean; languages?: string[] }) => WiredService;

/** `skillproof taxonomy build|search`: build the ESCO label index, and query it. */
export function registerTaxonomyCommand(program: Command, getService: ServiceFactory): void {
  const taxonomy = program.command('taxonomy').description('ESCO skills taxonomy: build the search index, search it');

  taxonomy
    .command('build')
    .description('Load ESCO and build (or reuse) the label index for the configured embedding model(s)')
    .option('--lang <codes>', 'label languages to index besides English, comma-separated (e.g. en,fr,es)')
    .option('--multilingual', 'also build the multilingual model’s index (for non-English postings)')
    .action(async (opts: { lang?: string; multilingual?: boolean }) => {
      try {
        const languages = opts.lang?.split(',').map((s) => s.trim()).filter(Boolean);
        const service = getService({ progress: true, languages });
        const started = performance.now();
        const engine = await service.engine('primary');
        process.stdout.write(`Index ready: ${engine.index.size} labels of ${engine.taxonomy.skills().length} ESCO ${engine.taxonomy.version} skills, model ${engine.embedder.id} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
        if (opts.multilingual) {
          const m = await service.engine('multilingual');
          process.stdout.write(`Multilingual index ready: ${m.index.size} labels, model ${m.embedder.id}\n`);
        }
      } catch (e) {
        reportCliError(e);
      }
    });

  taxonomy
    .command('search')
    .description('Rank ESCO skills for a text')
    .argument('<text>', 'words describing a skill')
    .option('-k, --k <n>', 'number of results', '10')
    .option('--lang <code>', 'label language of the results; non-English uses the multilingual model')
    .option('--multilingual', 'use the multilingual model (for queries not in English)')
    .option('--json', 'print JSON')
    .action(async (text: string, opts: { k: string; lang?: string; multilingual?: boolean; json?: boolean }) => {
      try {
        const k = Number(opts.k);
        if (!Number.isInteger(k) || k < 1 || k > 100) throw new InputError('bad_k', `-k must be a whole number from 1 to 100, not "${opts.k}".`);
        if (!text.trim()) throw new InputError('empty_query', 'The search text is empty: give a few words describing a skill, e.g. "Python programming".');
        const service = getService({ progress: !opts.json });
        const hits = opts.multilingual
          ? await (await import('../../service/search-skills.js')).searchSkills(await service.engine('multilingual'), { query: text, k, lang: opts.lang })
          : await service.searchSkills({ query: text, k, lang: opts.lang });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
          return;
        }
        hits.forEach((h, i) => {
          process.stdout.write(`${String(i + 1).padStart(2)}. ${h.label}  [${h.skillType}]  ${h.score.toFixed(3)}\n    ${h.uri}${h.matchedSurface !== h.label ? `  (via “${h.matchedSurface}”)` : ''}\n`);
        });
      } catch (e) {
        reportCliError(e);
      }
    });
}
