import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import type { AnalyzeInput } from '../../service/service-types.js';
import { reportCliError } from '../errors.js';
import { renderAnalysisMarkdown, renderAnalysisText } from '../render-analysis.js';
import type { ServiceFactory } from './taxonomy.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Turn a CLI argument (file path, URL or "-") into an analyze request. */
export async function analyzeInputFrom(source: string, lang?: string): Promise<AnalyzeInput> {
  if (/^https?:\/\//i.test(source)) return { url: source, lang };
  const bytes = source === '-' ? await readStdin() : existsSync(source) ? readFileSync(source) : null;
  if (!bytes) throw new InputError('file_not_found', `No file "${source}". Give a path, a URL (https://…) or "-" to read stdin.`);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { pdfBase64: bytes.toString('base64'), lang };
  const text = bytes.toString('utf8');
  const name = basename(source).toLowerCase();
  if (/\.x?html?$/.test(name) || /^\s*(<!doctype html|<html)/i.test(text.slice(0, 2000))) return { html: text, lang };
  return { text, lang };
}

/** `skillproof analyze <file|url|->`: the ESCO skills a posting asks for. */
export function registerAnalyzeCommand(program: Command, getService: ServiceFactory): void {
  program
    .command('analyze')
    .description('Read a job posting (HTML, PDF, Markdown/text file, URL or - for stdin) and link its skills to ESCO')
    .argument('<source>', 'file path, URL, or - for stdin')
    .option('--json', 'print the PostingAnalysis as JSON')
    .option('--format <format>', 'text (default) or md')
    .option('--lang <code>', 'posting language (ISO 639-1) when detection gets it wrong')
    .action(async (source: string, opts: { json?: boolean; format?: string; lang?: string }) => {
      try {
        if (opts.format && !['text', 'md'].includes(opts.format)) throw new InputError('bad_format', `--format must be "text" or "md", not "${opts.format}".`);
        if (opts.lang && !/^[a-z]{2}$/.test(opts.lang)) throw new InputError('bad_language', `--lang takes a two-letter code such as en, de or fr, not "${opts.lang}".`);
        const input = await analyzeInputFrom(source, opts.lang);
        const analysis = await getService({ progress: !opts.json }).analyze(input);
        if (opts.json) process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
        else process.stdout.write(opts.format === 'md' ? renderAnalysisMarkdown(analysis) : renderAnalysisText(analysis));
      } catch (e) {
        reportCliError(e);
      }
    });
}
