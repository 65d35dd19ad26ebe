import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPostingInput } from '../../src/adapters/posting-input-reader.js';
import { extractMentions } from '../../src/core/mentions/extract-mentions.js';
import { loadConfig } from '../../src/service/config.js';

// Real job ads live outside the repository (no licence to copy them in); without them this suite is skipped.
const sharedDir = loadConfig(process.env).sharedDir;
const dir = sharedDir ? join(sharedDir, 'postings', 'remotewlb') : null;
const files = dir && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
const reason = files.length > 0 ? `${files.length} files` : 'skipped: ../shared/postings/remotewlb not found';

describe(`real postings (${reason})`, () => {
  // vitest prints skipped tests by name, so the reason shows up in the run.
  if (files.length === 0) it.skip(reason, () => undefined);
  it.each(files)('%s: language, requirement section, mentions with exact spans', async (file) => {
    const posting = await readPostingInput(readFileSync(join(dir!, file)), { fileName: file });
    expect(posting.language).toBe(file.slice(0, 2));
    expect(posting.sections.some((s) => s.kind === 'requirements')).toBe(true);
    const mentions = extractMentions(posting);
    expect(mentions.length).toBeGreaterThanOrEqual(5);
    for (const m of mentions) expect(posting.text.slice(m.span.start, m.span.end)).toBe(m.text);
    // Boilerplate never reaches the mentions.
    const boilerplate = new Set(
      posting.sections.filter((s) => ['benefits', 'about-company', 'legal'].includes(s.kind)).flatMap((s) => s.sentences.map((x) => x.start)),
    );
    for (const m of mentions) expect(boilerplate.has(m.sentenceSpan.start)).toBe(false);
  });
});
