import { Command } from 'commander';
import { createService, type WiredService } from '../service/create-service.js';
import { loadConfig } from '../service/config.js';
import { registerAnalyzeCommand } from './commands/analyze.js';
import { registerMatchCandidateCommand } from './commands/match-candidate.js';
import { registerCatalogCommand } from './commands/catalog.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerGapCommand } from './commands/gap.js';
import { registerPlanCommand } from './commands/plan.js';
import { registerProfileCommand } from './commands/profile.js';
import { registerRankCommand } from './commands/rank.js';
import { registerServeCommand } from './commands/serve.js';
import { registerStoreCommand } from './commands/store.js';
import { registerTaxonomyCommand } from './commands/taxonomy.js';
import { registerVerifyCommand } from './commands/verify.js';
import { credentialsOf } from './credentials-factory.js';
import { reportCliError } from './errors.js';
import { createProgress } from './progress.js';

const program = new Command();
program
  .name('skillproof')
  .description('Read a job posting, link its skills to ESCO, plan micro-credentials and verify them — offline.')
  .showHelpAfterError();

let service: WiredService | null = null;
/** One service per process; the first caller's options (progress, languages) decide how it is built. */
function getService(opts: { progress?: boolean; languages?: string[] } = {}): WiredService {
  if (service) return service;
  const env = { ...process.env };
  if (opts.languages?.length) env.SKILLPROOF_LANGUAGES = opts.languages.join(',');
  const config = loadConfig(env);
  const progress = createProgress(Boolean(opts.progress) && process.stderr.isTTY === true);
  service = createService({ config, onProgress: progress.report });
  return service;
}

registerTaxonomyCommand(program, getService);
registerAnalyzeCommand(program, getService);
registerRankCommand(program, getService);
registerVerifyCommand(program, getService);
registerMatchCandidateCommand(program, getService);
registerDemoCommand(program, getService);
registerServeCommand(program, async () => getService({ progress: true }));
registerStoreCommand(program, () => getService({ progress: true }));
for (const register of [registerProfileCommand, registerGapCommand, registerPlanCommand, registerCatalogCommand]) register(program, credentialsOf(getService));

program.parseAsync(process.argv).catch(reportCliError);
