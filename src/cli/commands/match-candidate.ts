import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { PostingAnalysisSchema, type PostingAnalysis } from '../../core/analysis.js';
import { InputError } from '../../core/errors.js';
import { renderMatchReport } from '../../core/match/render-match-report.js';
import type { MatchCandidateInput, MatchCandidateResult } from '../../service/match-candidate.js';
import type { AnalyzeInput } from '../../service/service-types.js';
import { reportCliError } from '../errors.js';
import { analyzeInputFrom } from './analyze.js';
import { requireMethod, verifyInputFrom } from './verify.js';

/** What match-candidate needs from the service. */
export interface MatchService {
  analyze(input: AnalyzeInput): Promise<PostingAnalysis>;
  matchCandidate(input: MatchCandidateInput): Promise<MatchCandidateResult>;
}
export type MatchServiceFactory = (opts?: { progress?: boolean }) => Partial<MatchService> | Promise<Partial<MatchService>>;

/** A saved PostingAnalysis (from `analyze --json`) is used as is; anything else is analysed first. */
async function loadPosting(source: string, service: Partial<MatchService>): Promise<PostingAnalysis> {
  if (existsSync(source) && /\.json$/i.test(source)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(source, 'utf8'));
    } catch {
      json = null;
    }
    const parsed = PostingAnalysisSchema.safeParse(json);
    if (parsed.success) return parsed.data;
  }
  return requireMethod<MatchService, 'analyze'>(service, 'analyze')(await analyzeInputFrom(source));
}

/** `skillproof match-candidate --posting X <credential>...`: requirements × credentials report for a recruiter. */
export function registerMatchCandidateCommand(program: Command, getService: MatchServiceFactory): void {
  program
    .command('match-candidate')
    .description('Verify a candidate’s credentials and show which posting requirements each one evidences')
    .requiredOption('--posting <source>', 'posting file, URL, or a saved `analyze --json` result')
    .argument('<credentials...>', 'credential files or URLs (JSON, JWT, baked PNG/SVG)')
    .option('--json', 'write the report as JSON instead of Markdown')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--implied', 'also list the inferred occupation’s unstated essential skills (as optional)')
    .action(async (credentials: string[], opts: { posting: string; json?: boolean; out?: string; implied?: boolean }) => {
      try {
        if (credentials.length === 0) throw new InputError('no_credentials', 'Give at least one credential file or URL.');
        if (credentials.length > 50) throw new InputError('too_many_credentials', 'Give at most 50 credentials at a time.');
        const service = await getService({ progress: true });
        const match = requireMethod<MatchService, 'matchCandidate'>(service, 'matchCandidate');
        const posting = await loadPosting(opts.posting, service);
        const inputs = await Promise.all(credentials.map(async (c) => ({ ...(await verifyInputFrom(c)), label: /^https?:/i.test(c) ? c : basename(c) })));
        const { matrix } = await match({ posting, credentials: inputs, includeImplied: Boolean(opts.implied) });
        const report = renderMatchReport(matrix, opts.json ? 'json' : 'markdown', { postingTitle: posting.posting.title, generatedAt: new Date().toISOString() });
        if (opts.out) writeFileSync(opts.out, report);
        else process.stdout.write(report);
      } catch (e) {
        reportCliError(e);
      }
    });
}
