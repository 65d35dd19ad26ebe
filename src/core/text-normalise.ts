/** A token of a text with its character offsets in that text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters, digits and the symbols that live inside tech names (C++, C#, .NET, CI/CD, Node.js, UI/UX).
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}+#]*(?:[./-][\p{L}\p{N}+#]+)*[+#]*|\.[\p{L}]+/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** Lower-case, accents removed: "Façade" → "facade". */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * A conservative plural strip that keeps the word's spelling: "Databases" → "Database", "Secretaries" → "Secretary".
 * Short words and words ending in -ss/-us/-is/-ics are left alone.
 */
export function stripPlural(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || /(ss|us|is|ics)$/.test(w)) return word;
  if (w.endsWith('ies') && w.length > 4) return word.slice(0, -3) + (word.endsWith('IES') ? 'Y' : 'y');
  if (/(sses|ches|shes|xes)$/.test(w)) return word.slice(0, -2);
  if (w.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * A light, language-agnostic plural strip for matching keys, so "databases" meets "database" and "APIs" meets "API".
 */
export function stem(word: string): string {
  // Acronym plurals: APIs, SDKs, KPIs.
  if (/^[A-Z]{2,}s$/.test(word)) return fold(word.slice(0, -1));
  return stripPlural(fold(word));
}

export function foldedKey(text: string): string {
  return tokenize(text)
    .map((t) => fold(t.text))
    .join(' ');
}

export function stemmedKey(text: string): string {
  return tokenize(text)
    .map((t) => stem(t.text))
    .join(' ');
}
