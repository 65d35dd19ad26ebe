/** A sentence as offsets into the string it was split from. */
export interface SentenceRange {
  start: number;
  end: number;
}

// Abbreviations that end in a full stop without ending the sentence (en, de, fr, es, pt), lower-cased.
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'approx', 'incl', 'min', 'max', 'dr', 'mr', 'mrs', 'ms', 'prof', 'no', 'nr', 'inc',
  'ltd', 'co', 'corp', 'dept', 'jr', 'sr', 'st', 'z.b', 'bzw', 'ca', 'ggf', 'inkl', 'u.a', 'usw', 'evtl', 'sog',
  'd.h', 'u.ä', 'o.ä', 'mind', 'abs', 'str', 'vgl', 'p.ex', 'env', 'cf', 'mme', 'mlle', 'ex', 'p', 'pág', 'sra',
  'sr', 'dra', 'aprox', 'ej', 'p.ej', 'núm', 'ee.uu', 'ltda', 'eng', 'lic', 'pos', 'jun', 'sen',
]);

// End of a sentence: terminal punctuation, optional closing quotes/brackets, whitespace, then a likely sentence start.
// CJK full stops end a sentence without a following space or capital.
const BOUNDARY = /[.!?…]+["'”’)\]]*\s+(?=["'“‘(¿¡]?[\p{Lu}\p{N}])|[。！？]+\s*/gu;

/** Sentence ranges in `text` (one paragraph); whitespace at the edges of each sentence is excluded. */
export function splitSentences(text: string, offset = 0): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const dot = match.index!;
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase() ?? '';
    // "Dr. Smith", "z.B. Python", "3. Mai", a single initial: not the end of a sentence.
    if (text[dot] === '.' && (ABBREVIATIONS.has(before.replace(/^\.+/, '')) || /^\p{L}$/u.test(before))) continue;
    if (text[dot] === '.' && /\d$/.test(text.slice(0, dot)) && /^\s*\p{N}/u.test(text.slice(dot + 1))) continue;
    const end = dot + match[0].trimEnd().length;
    pushTrimmed(ranges, text, start, end, offset);
    start = dot + match[0].length;
  }
  pushTrimmed(ranges, text, start, text.length, offset);
  return ranges;
}

function pushTrimmed(ranges: SentenceRange[], text: string, start: number, end: number, offset: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) ranges.push({ start: start + offset, end: end + offset });
}
