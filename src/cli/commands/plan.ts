import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import type { PlanConstraintsInput } from '../../core/plan/plan-types.js';
import type { PlanReport } from '../../service/plan-credentials.js';
import { writeResult, type CredentialsFactory } from '../credentials-factory.js';
import { reportCliError } from '../errors.js';
import { renderGap } from '../render-gap.js';
import { renderPlan } from '../render-plan.js';
import { gapInputFrom, postingOptions, type PostingOptions } from './gap.js';

interface PlanOptions extends PostingOptions {
  lang?: string;
  budget?: string; currency?: string; hours?: string; eqf?: string; maxEqf?: string; mode?: string;
  provider?: string; excludeProvider?: string; verifiableOnly?: boolean; includeUnpriced?: boolean; strict?: boolean; all?: boolean;
  json?: boolean; format?: string;
}

const num = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InputError('bad_number', `${flag} takes a non-negative number, not "${v}".`);
  return n;
};
const list = (v: string | undefined) => v?.split(',').map((s) => s.trim()).filter(Boolean);

/** Learner constraints from CLI flags (validated again by the use case). */
export function constraintsFrom(o: PlanOptions): PlanConstraintsInput {
  return {
    budget: num(o.budget, '--budget'),
    currency: o.currency?.toUpperCase(),
    maxHours: num(o.hours, '--hours'),
    eqfLevel: num(o.eqf, '--eqf'),
    maxEqfLevel: num(o.maxEqf, '--max-eqf'),
    language: o.lang,
    mode: o.mode as PlanConstraintsInput['mode'],
    providers: list(o.provider),
    excludeProviders: list(o.excludeProvider),
    verifiableOnly: o.verifiableOnly,
    includeUnpriced: o.includeUnpriced,
    strict: o.strict,
  };
}

const render = (r: PlanReport, f: 'text' | 'md') => `${r.gap && f === 'md' ? `${renderGap({ gap: r.gap, posting: null, profile: { name: null, skills: 0, verifiedSkills: 0 } }, f)}\n` : ''}${renderPlan(r.plan, f)}`;

/** `skillproof plan --posting X [--profile Y] [--budget 500 --hours 120 --lang en --verifiable-only]`. */
export function registerPlanCommand(program: Command, getCredentials: CredentialsFactory): void {
  postingOptions(program.command('plan').description('Choose the credentials that close your essential gap at least cost, then time'))
    .option('--budget <amount>', 'most money to spend in total')
    .option('--currency <code>', 'currency of the budget (default EUR)')
    .option('--hours <n>', 'most study hours in total')
    .option('--eqf <level>', 'only this EQF level (1–8)')
    .option('--max-eqf <level>', 'only up to this EQF level')
    .option('--lang <code>', 'course language (ISO 639-1)')
    .option('--mode <mode>', 'online, onsite or hybrid')
    .option('--provider <names>', 'only these providers (comma-separated)')
    .option('--exclude-provider <names>', 'never these providers (comma-separated)')
    .option('--verifiable-only', 'only credentials issued as Open Badges 3.0 or European Digital Credentials')
    .option('--include-unpriced', 'also consider entries without a known price')
    .option('--strict', 'drop entries whose EQF level, language or mode is unknown when you constrain it')
    .option('--all', 'close optional (nice-to-have) skills too')
    .action(async (o: PlanOptions) => {
      try {
        const gapInput = await gapInputFrom(o);
        const report = await getCredentials({ progress: !o.json }).plan({ ...gapInput, constraints: constraintsFrom(o), scope: o.all ? 'all' : 'essential' });
        writeResult(report, o, render);
        if (!report.plan.feasible) process.exitCode = 3;
      } catch (e) {
        reportCliError(e);
      }
    });
}
