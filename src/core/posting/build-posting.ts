import { InputError } from '../errors.js';
import {
  PostingDraftSchema,
  type Posting,
  type PostingDraft,
  type Section,
  type SectionKind,
} from '../posting.js';
import { detectLanguage } from './detect-language.js';
import { parseBlocks, type TextFormat } from './parse-blocks.js';
import { sectionCue } from './section-cues.js';
import { splitSentences } from './split-sentences.js';

export interface BuildPostingOptions {
  /** How to read `draft.text`; readers emit Markdown-lite, so that is the default. */
  format?: TextFormat;
  /** Force the language (ISO 639-1) instead of detecting it, e.g. from a `--lang` flag. */
  language?: string;
  /** What the input was; defaults from the draft's reader. */
  sourceKind?: Posting['source']['kind'];
}

/** The prefix list items carry in `Posting.text`, so they stay recognisable as items. */
export const LIST_PREFIX = '• ';

const KIND_BY_READER: Record<string, Posting['source']['kind']> = {
  text: 'text',
  markdown: 'markdown',
  pdf: 'pdf',
  'json-ld': 'json-ld',
};

/**
 * Turn a draft (reader output or pasted text) into a `Posting`: normalised text, language, and sections of
 * sentences whose offsets index `Posting.text` exactly (`text.slice(s.start, s.end) === s.text`).
 * Throws InputError `empty_posting` when there is no text at all.
 */
export function buildPosting(draftInput: PostingDraft, options: BuildPostingOptions = {}): Posting {
  const parsed = PostingDraftSchema.safeParse(draftInput);
  if (!parsed.success) {
    throw new InputError(
      'invalid_posting_draft',
      `The posting could not be read: ${parsed.error.issues[0]?.message ?? 'bad shape'}. Paste the text instead.`,
    );
  }
  const draft = parsed.data;
  const blocks = parseBlocks(draft.text, options.format ?? 'markdown');
  if (!blocks.some((b) => b.type !== 'heading')) {
    throw new InputError('empty_posting', 'The posting has no text to analyse. Give the full job ad (text, page or PDF).');
  }

  // Pasted text and PDFs usually open with the job title on a line of its own: read it as the title.
  const first = blocks[0]!;
  if (draft.title === null && first.type === 'para' && blocks.length > 1 && isTitleLine(first.text)) {
    blocks[0] = { ...first, type: 'heading', level: 1 };
  }
  // Lines are collected and joined once: growing one string and slicing it per sentence is quadratic on big inputs.
  const lines: string[] = [];
  let length = 0;
  const sections: Section[] = [];
  // Headings nest: a sub-heading that names no kind ("Educational background") inherits its parent's kind.
  const stack: { level: number; kind: SectionKind }[] = [];
  let section: Section = { kind: 'other', heading: null, sentences: [] };
  let title = draft.title;
  const append = (line: string): number => {
    const start = lines.length === 0 ? 0 : length + 1;
    lines.push(line);
    length = start + line.length;
    return start;
  };
  for (const block of blocks) {
    if (block.type === 'heading') {
      if (title === null && block.level === 1) title = block.text;
      append(block.text);
      while (stack.length > 0 && stack[stack.length - 1]!.level >= block.level) stack.pop();
      // A long pseudo-heading (a bold sentence) mentions cue words in passing; only its parent's kind is trusted.
      const cue = block.level === 7 && block.text.split(/\s+/).length > 8 ? null : sectionCue(block.text);
      const kind = cue ?? stack[stack.length - 1]?.kind ?? 'other';
      stack.push({ level: block.level, kind });
      if (section.sentences.length > 0) sections.push(section);
      section = { kind, heading: block.text, sentences: [] };
      continue;
    }
    if (block.type === 'item') {
      const start = append(LIST_PREFIX + block.text) + LIST_PREFIX.length;
      section.sentences.push({ text: block.text, start, end: start + block.text.length, isListItem: true });
      continue;
    }
    const start = append(block.text);
    for (const range of splitSentences(block.text, start)) {
      const local = block.text.slice(range.start - start, range.end - start);
      section.sentences.push({ text: local, start: range.start, end: range.end, isListItem: false });
    }
  }
  if (section.sentences.length > 0) sections.push(section);
  const text = lines.join('\n');

  const detected = options.language
    ? { language: options.language.toLowerCase(), confidence: 1 }
    : detectLanguage(sampleForLanguage(sections));
  return {
    title,
    organisation: draft.organisation,
    location: draft.location,
    language: detected.language,
    languageConfidence: detected.confidence,
    text,
    sections,
    source: {
      kind: options.sourceKind ?? KIND_BY_READER[draft.reader] ?? (draft.url ? 'url' : 'html'),
      reader: draft.reader,
      url: draft.url,
    },
    jsonLd: draft.jsonLd,
  };
}

// Sentences (not headings, which are often English on non-English ads) up to a few thousand characters.
function sampleForLanguage(sections: Section[]): string {
  const parts: string[] = [];
  let size = 0;
  for (const sentence of sections.flatMap((s) => s.sentences)) {
    if (size > 8_000) break;
    parts.push(sentence.text.slice(0, 2_000));
    size += parts[parts.length - 1]!.length;
  }
  return parts.join('\n');
}

function isTitleLine(line: string): boolean {
  return line.length <= 100 && line.split(/\s+/).length <= 10 && !/[.!?;:,]$/.test(line) && sectionCue(line) === null;
}

/** A draft for text the user gave directly (pasted, a .txt or .md file). */
export function draftFromText(text: string, reader: 'text' | 'markdown' = 'text', url: string | null = null): PostingDraft {
  return { url, title: null, organisation: null, location: null, text, reader, jsonLd: null };
}
