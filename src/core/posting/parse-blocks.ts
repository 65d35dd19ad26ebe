import { sectionCue } from './section-cues.js';

/** A heading, list item or paragraph of a posting, with Markdown marks removed. */
export interface Block {
  type: 'heading' | 'item' | 'para';
  text: string;
  /** Heading rank: 1–6 for `#` headings, 7 for bold or colon-ended lines that act as headings; 0 otherwise. */
  level: number;
}

export type TextFormat = 'markdown' | 'text';

const LIST_MARK = /^\s*(?:[-*+•·▪◦‣►➢✓✔–—]|\d{1,2}[.)]|[a-z][.)])\s+/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const END_PUNCT = /[.!?;:…]["')\]]?$/;
// A line ending in a comma, hyphen or a word that cannot end a sentence was wrapped: the next line continues it.
const OPEN_END =
  /(?:[,\-–]|\b(?:with|and|or|of|in|on|the|a|an|to|for|as|mit|und|oder|der|die|das|von|für|im|in|de|des|du|la|le|les|et|ou|en|avec|pour|y|o|el|los|con|para|e|com|em|do|da|um|uma))$/i;

/** Remove inline Markdown: links keep their words, images and emphasis marks go, code keeps its text. */
export function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>\s]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*{2,}|_{2,}/g, '')
    .replace(/(^|[\s(])\*(\S[^*]*?)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/(^|[\s(])_(\S[^_]*?)_(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

// A line standing alone that is all bold, or short and ends with a colon, or names a known section, is a heading.
function headingLevel(raw: string, clean: string): number {
  if (!clean || clean.length > 100 || wordCount(clean) > 12) return 0;
  const trimmed = raw.trim();
  if (/^(\*\*|__)[^*_]+(\*\*|__)\s*:?$/.test(trimmed) || /^\*\*\*?[^*]+\*\*\*?:?$/.test(trimmed)) return 7;
  if (/:$/.test(clean) && wordCount(clean) <= 10) return 7;
  // A question may title a section ("Qui sommes-nous ?"); a full stop means a sentence.
  if (!/[.!;…]$/.test(clean) && wordCount(clean) <= 6 && sectionCue(clean) !== null) return 7;
  return 0;
}

/**
 * Split Markdown or plain text into blocks. Each line is its own block, except that a line starting in lower case
 * continues the paragraph above when that one did not end a sentence (hard-wrapped text, PDF lines).
 */
export function parseBlocks(input: string, format: TextFormat = 'markdown'): Block[] {
  const blocks: Block[] = [];
  const lines = input.replace(/\r\n?/g, '\n').split(String.fromCharCode(0)).join('').split('\n');
  let inFence = false;
  for (const raw of lines) {
    if (format === 'markdown' && /^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (!raw.trim() || (format === 'markdown' && /^\s*([-*_=])(\s*\1){2,}\s*$/.test(raw))) continue;
    const atx = format === 'markdown' && !inFence ? ATX.exec(raw) : null;
    if (atx) {
      const text = stripInlineMarkdown(atx[2]!).replace(/:$/, '').trim();
      if (text) blocks.push({ type: 'heading', text, level: atx[1]!.length });
      continue;
    }
    const mark = LIST_MARK.exec(raw);
    const body = mark ? raw.slice(mark[0].length) : raw;
    const clean = format === 'markdown' ? stripInlineMarkdown(body) : body.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (!clean) continue;
    const level = mark ? 0 : headingLevel(format === 'markdown' ? raw : `${raw}`, clean);
    if (level > 0) {
      blocks.push({ type: 'heading', text: clean.replace(/\s*[:?]$/, '').replace(/^[·•▪-]\s*/, ''), level });
      continue;
    }
    const prev = blocks[blocks.length - 1];
    if (!mark && prev && prev.type !== 'heading' && !END_PUNCT.test(prev.text) && (/^[a-zäöüàâçéèêëîïôûùÿñóíúã(]/.test(clean) || OPEN_END.test(prev.text))) {
      prev.text = `${prev.text} ${clean}`;
      continue;
    }
    blocks.push({ type: mark ? 'item' : 'para', text: clean, level: 0 });
  }
  return blocks;
}
