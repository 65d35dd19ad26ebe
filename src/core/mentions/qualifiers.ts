/** Years of experience and proficiency levels stated in a requirement, in en, de, fr, es, pt. */

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, ten: 10,
  ein: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, zehn: 10,
  un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, dix: 10,
  uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, diez: 10,
  um: 1, dois: 2, três: 3, quatro: 4, dez: 10,
};
const NUMBER = `(\\d{1,2}(?:[.,]5)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = '(?:years?|yrs?|Jahren?|ans?|années?|años?|anos?)';
// "3+ years", "2-3 years", "3 to 5 years", "mindestens 2 Jahre", "5 ans", "3 a 5 años"; the lower bound is kept.
const YEARS = new RegExp(`(?<![\\p{L}\\d])${NUMBER}\\s*\\+?\\s*(?:(?:-|–|to|bis|à|a|y|e)\\s*\\d{1,2}\\s*\\+?\\s*)?${UNIT}(?![\\p{L}])`, 'iu');
// Ages, durations of benefits and company history use the same words: skip those contexts.
const NOT_EXPERIENCE = /\b(old|alt|âgée?|edad|idade|vacation|urlaub|congés?|vacaciones|férias|since|seit|depuis|desde|history|geschichte|histoire|historia|história)\b/i;

/** Years of experience stated in the text (lower bound of a range), or null. */
export function yearsIn(text: string): number | null {
  const match = YEARS.exec(text);
  if (!match || NOT_EXPERIENCE.test(text)) return null;
  const raw = match[1]!.toLowerCase();
  const value = NUMBER_WORDS[raw] ?? Number(raw.replace(',', '.'));
  return Number.isFinite(value) && value > 0 && value <= 40 ? value : null;
}

const LEVELS =
  /(?<![\p{L}])(expert|experte|experto|especialista|advanced|intermediate|basic|beginner|proficient|fluent|fluently|native|bilingual|business[ -]fluent|verhandlungssicher|fließend|muttersprachlich|Muttersprache|fortgeschritten|Grundkenntnisse|sehr gute|fundierte|courant|couramment|bilingue|natif|native|avancé|intermédiaire|notions|experimentado|avanzado|intermedio|básico|fluido|nativo|bilingüe|avançado|intermediário|básico|fluente)(?:e|en|er|es|s)?(?![\p{L}])/iu;
const CEFR = /(?<![\p{L}\d])([ABC][12])(?![\p{L}\d])/u;

/** The proficiency level named in the text ("fluent", "B2", "verhandlungssicher"), lower-cased except CEFR codes. */
export function levelIn(text: string): string | null {
  const cefr = CEFR.exec(text);
  if (cefr) return cefr[1]!;
  const word = LEVELS.exec(text);
  return word ? word[1]!.toLowerCase() : null;
}
