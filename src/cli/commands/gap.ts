import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import type { GapInput } from '../../service/gap.js';
import { readJsonFile, writeResult, type CredentialsFactory } from '../credentials-factory.js';
import { reportCliError } from '../errors.js';
import { renderGap } from '../render-gap.js';
import { analyzeInputFrom } from './analyze.js';

export interface PostingOptions {
  posting?: string;
  analysis?: string;
  profile?: string;
  implied?: boolean;
  postingLang?: string;
}

/** The posting and profile parts of a gap or plan request, from CLI options. */
export async function gapInputFrom(o: PostingOptions): Promise<GapInput> {
  if (!o.posting === !o.analysis) throw new InputError('gap_needs_one_posting', 'Give exactly one of --posting <file|url|-> or --analysis <analysis.json>.');
  return {
    ...(o.posting ? { posting: await analyzeInputFrom(o.posting, o.postingLang) } : { analysis: readJsonFile(o.analysis!, 'analysis') as GapInput['analysis'] }),
    ...(o.profile ? { profile: readJsonFile(o.profile, 'profile') as GapInput['profile'] } : {}),
    includeImplied: o.implied ?? false,
  };
}

/** Adds the shared posting/profile options to a command. */
export function postingOptions(cmd: Command): Command {
  return cmd
    .option('--posting <source>', 'job posting: file, URL or - for stdin')
    .option('--analysis <file>', 'a saved analysis (skillproof analyze --json) instead of --posting')
    .option('--profile <file>', 'profile JSON (default: your stored profile)')
    .option('--implied', 'count skills implied by the occupation as nice-to-have')
    .option('--posting-lang <code>', 'posting language (ISO 639-1) when detection gets it wrong')
    .option('--json', 'print JSON')
    .option('--format <format>', 'text (default) or md');
}

/** `skillproof gap --posting X [--profile Y]`: what you are missing for a job, with an explained score. */
export function registerGapCommand(program: Command, getCredentials: CredentialsFactory): void {
  postingOptions(program.command('gap').description('Compare a posting’s required skills with your profile (ESCO hierarchy, verified vs claimed)')).action(
    async (o: PostingOptions & { json?: boolean; format?: string }) => {
      try {
        const report = await getCredentials({ progress: !o.json }).gap(await gapInputFrom(o));
        writeResult(report, o, renderGap);
      } catch (e) {
        reportCliError(e);
      }
    },
  );
}
