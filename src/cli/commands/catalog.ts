import type { Command } from 'commander';
import type { EntryDescription } from '../../service/describe-entry.js';
import { writeResult, type CredentialsFactory } from '../credentials-factory.js';
import { reportCliError } from '../errors.js';
import { createProgress } from '../progress.js';
import { renderImportReport } from '../render-import.js';

function renderEntry(d: EntryDescription, format: 'text' | 'md'): string {
  const e = d.entry;
  const li = format === 'md' ? '- ' : '  ';
  const cost = e.cost ? `${e.cost.free ? 'free' : `${e.cost.amount} ${e.cost.currency}`}${e.cost.basis === 'estimated' ? ' (estimate)' : ''}` : 'unknown';
  return [
    format === 'md' ? `## ${e.title}` : e.title,
    `${li}provider: ${e.provider ?? '?'}; awarded by ${e.awardingBody.join(', ') || '?'}; ${e.credentialType ?? ''}`,
    `${li}cost: ${cost}; workload: ${e.workload.hours ?? '?'} h${e.workload.ects !== null ? `, ${e.workload.ects} ECTS` : ''}; EQF ${e.eqfLevel ?? '?'}; ${e.mode ?? '?'}; ${e.languages.join(', ') || '?'}`,
    `${li}skills: ${e.skills.map((s) => `${s.label} (${s.provenance}${s.provenance === 'inferred' ? ` ${s.confidence.toFixed(2)}` : ''})`).join('; ') || 'none'}`,
    `${li}EU completeness ${Math.round(d.completeness.score * 10)}/10; missing: ${d.completeness.missing.join(', ') || 'none'}`,
    `${li}${e.url ?? 'no URL'}`,
    '',
  ].join('\n');
}

const PHASE = { read: 'reading files', map: 'mapping skills to ESCO', store: 'storing entries' } as const;

/** `skillproof catalog import|stats`: the credential catalogue the planner chooses from. */
export function registerCatalogCommand(program: Command, getCredentials: CredentialsFactory): void {
  const catalog = program.command('catalog').description('Credential catalogue: import CSV / CTDL / EDC / Open Badges / SkillProof JSON files');
  catalog
    .command('import')
    .description('Import catalogue files or folders; free-text skills are mapped to ESCO, duplicates merged')
    .argument('<paths...>', 'files or folders')
    .option('--min-score <x>', 'lowest linker score accepted as a mapping (default 0.8)', Number)
    .option('--batch-size <n>', 'skill texts per linker call (default 256)', Number)
    .option('--dry-run', 'parse and map but store nothing')
    .option('--json', 'print the import report as JSON')
    .option('--format <format>', 'text (default) or md')
    .action(async (paths: string[], o: { minScore?: number; batchSize?: number; dryRun?: boolean; json?: boolean; format?: string }) => {
      const progress = createProgress(!o.json && process.stderr.isTTY === true);
      try {
        const report = await getCredentials({ progress: !o.json }).importCatalog(
          { paths, minScore: o.minScore, batchSize: o.batchSize, dryRun: o.dryRun },
          (phase, done, total) => progress.report(PHASE[phase], done, total),
        );
        progress.stop();
        writeResult(report, o, renderImportReport);
      } catch (e) {
        progress.stop();
        reportCliError(e);
      }
    });
  catalog
    .command('show')
    .description('One entry: its fields and which EU micro-credential elements it states')
    .argument('<id>', 'entry id (plan --json shows ids)')
    .option('--json', 'print JSON')
    .option('--format <format>', 'text (default) or md')
    .action(async (id: string, o: { json?: boolean; format?: string }) => {
      try {
        writeResult(await getCredentials().catalogEntry(id), o, renderEntry);
      } catch (e) {
        reportCliError(e);
      }
    });
  catalog
    .command('stats')
    .description('How many entries the catalogue holds (starter catalogue plus imports)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      try {
        const count = await getCredentials().catalogCount();
        writeResult({ entries: count }, o, (v) => `${v.entries} catalogue entries\n`);
      } catch (e) {
        reportCliError(e);
      }
    });
}
