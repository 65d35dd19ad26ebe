import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { reportCliError } from '../errors.js';
import { ProfileSchema } from '../../core/profile/profile.js';
import { renderAnalysisText } from '../render-analysis.js';
import { renderGap } from '../render-gap.js';
import { renderPlan } from '../render-plan.js';
import type { ServiceFactory } from './taxonomy.js';

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** `skillproof demo`: the main job on the bundled example posting (builds the ESCO index on first run). */
export function registerDemoCommand(program: Command, getService: ServiceFactory): void {
  program
    .command('demo')
    .description('Analyse the bundled example posting, compare an example profile, and plan credentials (first run builds the ESCO index)')
    .action(async () => {
      try {
        const service = getService({ progress: true });
        const text = readFileSync(join(EXAMPLES_DIR, 'example-posting.md'), 'utf8');
        process.stdout.write('Analysing the example posting (src/cli/examples/example-posting.md)…\n\n');
        const analysis = await service.analyze({ text });
        process.stdout.write(renderAnalysisText(analysis));
        const t = analysis.timings;
        process.stdout.write(`\nTimings (ms): ${Object.entries(t).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
        // The job seeker's side: an example profile (not your stored one) against this posting.
        const profile = ProfileSchema.parse(JSON.parse(readFileSync(join(EXAMPLES_DIR, 'example-profile.json'), 'utf8')));
        process.stdout.write(`\n── Gap for the example profile (${profile.name}) ──\n`);
        process.stdout.write(renderGap(await service.gap({ analysis, profile }), 'text'));
        const plan = await service.plan({ analysis, profile });
        process.stdout.write(`\n── Credential plan from the starter catalogue ──\n`);
        process.stdout.write(renderPlan(plan.plan, 'text'));
      } catch (e) {
        reportCliError(e);
      }
    });
}
