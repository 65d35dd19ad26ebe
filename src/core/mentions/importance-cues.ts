import type { Importance } from '../analysis.js';
import type { SectionKind } from '../posting.js';

/**
 * Words that make a requirement optional, in en, de, fr, es, pt. Matched case-insensitively on the original text
 * (with accents) so "Plus" in a German list is not confused with arithmetic elsewhere.
 */
const OPTIONAL =
  /\b(nice[ -]to[ -]have|good[ -]to[ -]have|(is |are |would be |a )+(big |huge |definite |strong )?(plus|bonus|advantage)|bonus( points)?|preferred|preferably|ideally|desirable|desired|advantageous|we['’]d love|would be (great|nice|helpful|appreciated)|optional|not required|not a must|wünschenswert|von Vorteil|idealerweise|vorzugsweise|gerne gesehen|Pluspunkt|kein Muss|nice2have|idéalement|un plus|un atout|atouts?|apprécié(e|es|s)?|souhaitable|serait (un )?(plus|appréciée?)|de préférence|se valorar(á|an)|valorable|deseables?|preferiblemente|idealmente|preferentemente|desejáve(l|is)|diferencia(l|is)|será um plus|preferencialmente|um plus)(?![\p{L}])/iu;

// Optional cues that qualify what comes after them ("…, ideally Kafka"), not what came before.
const FORWARD = /\b(ideally|preferably|idealerweise|vorzugsweise|idéalement|de préférence|idealmente|preferiblemente|preferentemente|preferencialmente)(?![\p{L}])/iu;

/** Words that insist: when a sentence has both kinds, importance is decided clause by clause. */
const ESSENTIAL =
  /\b(required|requirement|must|mandatory|essential|necessary|erforderlich|zwingend|notwendig|vorausgesetzt|unabdingbar|Voraussetzung|obligatoire|indispensable|exigée?s?|requis|imprescindible|obligatorio|necesario|obrigatório|indispensável|necessário)(?![\p{L}])/iu;

/** True when the text marks what it states as optional ("… is a plus", "idealerweise …"). */
export function hasOptionalCue(text: string): boolean {
  return OPTIONAL.test(text);
}

/**
 * Essential or optional for a phrase at `at` (offset in `sentence`): sentence cues beat the section's kind, and a
 * sentence that mixes "required" and "a plus" is judged by the clause (between commas, semicolons, "but") the
 * phrase sits in.
 */
export function importanceOf(sentence: string, sectionKind: SectionKind, at?: number): Importance {
  const sectionDefault: Importance = sectionKind === 'nice-to-have' ? 'optional' : 'essential';
  if (!OPTIONAL.test(sentence)) return sectionDefault;
  // "Fluent English; Dutch is a plus": semicolons separate requirements, so each part is judged on its own.
  const parts = sentence.split(/(?<=;)/);
  if (parts.length > 1) {
    let offset = 0;
    for (const part of parts) {
      if ((at ?? 0) < offset + part.length) return importanceOf(part, sectionKind, at === undefined ? undefined : at - offset);
      offset += part.length;
    }
  }
  // "SQL, and ideally NoSQL": a cue like "ideally" makes optional only what follows it, unless it opens the
  // sentence ("Du hast idealerweise …"). Without `at` the sentence as a whole is judged by where the cue stands.
  const forward = FORWARD.exec(sentence);
  const opening = forward !== null && sentence.slice(0, forward.index).trim().split(/\s+/).length < 4;
  const otherCues = forward && OPTIONAL.test(sentence.slice(0, forward.index) + sentence.slice(forward.index + forward[0].length));
  if (forward && !opening && !otherCues && (at === undefined || forward.index > at)) return sectionDefault;
  if (!ESSENTIAL.test(sentence)) return 'optional';
  const clauses = sentence.split(/(?<=[;,])|(?=\b(?:but|aber|mais|pero|mas)\b)/i);
  let offset = 0;
  for (const clause of clauses) {
    if ((at ?? 0) < offset + clause.length) {
      if (OPTIONAL.test(clause)) return 'optional';
      if (ESSENTIAL.test(clause)) return 'essential';
      return sectionDefault;
    }
    offset += clause.length;
  }
  return sectionDefault;
}
