import { fold, foldedKey, stem, stemmedKey, tokenize, type Token } from './text-normalise.js';

export interface LexicalLabel {
  conceptUri: string;
  text: string;
  lang: string;
  kind: 'preferred' | 'alt' | 'hidden' | 'alias' | 'description';
}

export interface LexicalHit {
  conceptUri: string;
  label: LexicalLabel;
  start: number;
  end: number;
  /** 'exact' = same words (case/accents aside); 'stem' = same after plural stripping. */
  match: 'exact' | 'stem';
  tokens: number;
}

// Words that are also skill names: they count only when written as the name is (case-exact, not sentence-initial).
const AMBIGUOUS = new Set(['go', 'swift', 'rust', 'react', 'excel', 'c', 'r', 'd', 'spring', 'express', 'ruby', 'dart', 'julia', 'access', 'word', 'chef', 'puppet', 'ansible', 'flask', 'unity', 'shell', 'pig', 'hive', 'elm', 'crystal', 'ember', 'meteor', 'backbone', 'lisp', 'prolog', 'scheme', 'pascal', 'ada', 'basic', 'logo', 'sas', 'spark', 'storm', 'alice', 'max', 'windows', 'office', 'outlook', 'teams', 'slack', 'jira', 'git']);

const MAX_NGRAM = 8;

/** Finds ESCO labels (and aliases) verbatim or as plurals in text, with offsets. Pure and reusable in the browser. */
export class LexicalMatcher {
  private readonly exact = new Map<string, LexicalLabel[]>();
  private readonly stemmed = new Map<string, LexicalLabel[]>();

  constructor(labels: Iterable<LexicalLabel>) {
    const push = (m: Map<string, LexicalLabel[]>, k: string, v: LexicalLabel) => {
      if (!k) return;
      const list = m.get(k);
      if (!list) m.set(k, [v]);
      else if (!list.some((l) => l.conceptUri === v.conceptUri)) list.push(v);
    };
    for (const label of labels) {
      if (label.kind === 'description') continue;
      push(this.exact, foldedKey(label.text), label);
      push(this.stemmed, stemmedKey(label.text), label);
    }
  }

  get size(): number {
    return this.exact.size;
  }

  /** Every label occurrence in `text`; overlapping hits are kept (the caller decides which span wins). */
  match(text: string): LexicalHit[] {
    const tokens = tokenize(text);
    const hits: LexicalHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 1; n <= MAX_NGRAM && i + n <= tokens.length; n++) {
        const slice = tokens.slice(i, i + n);
        const exactKey = slice.map((t) => fold(t.text)).join(' ');
        let labels = this.exact.get(exactKey);
        let match: LexicalHit['match'] = 'exact';
        if (!labels) {
          labels = this.stemmed.get(slice.map((t) => stem(t.text)).join(' '));
          match = 'stem';
        }
        if (!labels) continue;
        for (const label of labels) {
          if (n === 1 && !acceptSingleToken(slice[0]!, label, i === 0 && !looksLikeList(text, tokens), match)) continue;
          hits.push({ conceptUri: label.conceptUri, label, start: slice[0]!.start, end: slice[n - 1]!.end, match, tokens: n });
        }
      }
    }
    return hits;
  }
}

/** Short texts and comma lists ("React, TypeScript, Node.js") are lists of names, not prose. */
function looksLikeList(text: string, tokens: readonly Token[]): boolean {
  return tokens.length <= 2 || /^\s*[^\s,/(]+\s*[,/(]/.test(text) || (text.match(/,/g)?.length ?? 0) >= 2;
}

/**
 * A one-word label is trusted unless the word is ambiguous in ordinary prose (Go, Swift, Excel, R …). ESCO lists
 * everyday words as alternative labels of unrelated concepts ("design" → think creatively, "security" → securities,
 * "data" → statistics, "patterns" → dies): a lower-case one-word label counts only as a concept's preferred label.
 * Names (capitals, digits, symbols: Python, PostgreSQL, C#) count as any label, but not through a stem from a
 * lower-case word ("etc" is not ETCS). A short mixed-case name written in capitals is another acronym ("ADMS" is not AdMs).
 */
function acceptSingleToken(token: Token, label: LexicalLabel, sentenceInitial: boolean, match: LexicalHit['match']): boolean {
  const word = fold(token.text);
  const labelWord = label.text.trim();
  const nameLike = /[\p{Lu}\d#+]/u.test(labelWord);
  if (!nameLike && label.kind !== 'preferred' && label.kind !== 'alias') return false;
  if (nameLike && match === 'stem' && !/\p{Lu}/u.test(token.text)) return false;
  // Short mixed-case names ("AdMs", "iOS", "GaN") written in capitals are another acronym ("ADMS", Cisco's "IOS").
  const mixedCase = labelWord.length <= 6 && /\p{Ll}/u.test(labelWord) && /\p{Lu}/u.test(labelWord.slice(1));
  if (mixedCase && token.text !== labelWord && token.text === token.text.toUpperCase()) return false;
  const ambiguous = AMBIGUOUS.has(word) || word.length <= 2;
  if (!ambiguous) return true;
  if (sentenceInitial) return false;
  // Case-exact: "Go" and "R" as names, not "go ahead" or "r" in "r&d".
  return token.text === labelWord || token.text === labelWord.replace(/\s*\(.*\)$/, '');
}
