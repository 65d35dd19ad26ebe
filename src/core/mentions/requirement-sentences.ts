import type { Importance } from '../analysis.js';
import type { Posting, SectionKind, Sentence } from '../posting.js';
import { importanceOf } from './importance-cues.js';
import { levelIn, yearsIn } from './qualifiers.js';

/** A sentence that states what the job needs, with what it says about importance, years and level. */
export interface RequirementSentence {
  sentence: Sentence;
  sectionKind: SectionKind;
  heading: string | null;
  importance: Importance;
  years: number | null;
  level: string | null;
  /** True when the sentence sits in a requirement or nice-to-have section (not responsibilities or other text). */
  stated: boolean;
}

/** How much of a sentence is searched for cues, years and levels. */
export const MAX_CUE_CHARS = 2_000;
const REQUIREMENT_KINDS = new Set<SectionKind>(['requirements', 'nice-to-have', 'responsibilities']);
const BOILERPLATE_KINDS = new Set<SectionKind>(['benefits', 'about-company', 'legal']);

// Sentences that ask for something, so an unlabelled section ("other") still yields its requirements.
const ASKS =
  /\b(experience|knowledge|proficien\w*|familiar\w*|understanding|expertise|skills?|degree|you (have|bring|are|know|can)|ability to|must|required|Erfahrung|Kenntnisse|Verständnis|Know-how|du (hast|bringst|bist|kennst)|Sie (haben|bringen|verfügen)|expérience|maîtrise\w*|connaissances?|compétences?|vous (avez|êtes|maîtrisez)|experiencia|conocimientos?|dominio|experiência|conhecimentos?|domínio)\b/iu;
// Equal-opportunity and benefit sentences that appear outside their own sections.
const BOILERPLATE =
  /\b(equal opportunit\w*|regardless of|without regard|discriminat\w*|all qualified applicants|Chancengleichheit|unabhängig von (Geschlecht|Herkunft|Alter)|égalité des chances|sans distinction|igualdad de oportunidades|sem distinção|health insurance|paid time off|vacation days|Urlaubstage|mutuelle|seguro médico|plano de saúde|salary range|rémunération|handicap|chances égales|diversité|inclusion|diversity)\b|gehalt\b/iu;

// A sentence that speaks to the candidate ("you will …", "du entwickelst …", "vous concevez …").
const ADDRESSED = /\b(you|your|du|dein\w*|dich|dir|Sie|Ihr\w*|vous|votre|vos|tu|ton|ta|tes|usted|tú|tus?|você|seu|sua)\b/iu;

/**
 * The posting's requirement-like sentences: requirement and nice-to-have sections in full, responsibility sections'
 * list items and the prose that speaks to the candidate, and
 * from other unlabelled text only list items and sentences that ask for something. Benefits, about-the-company and
 * legal sections are dropped. The linker queries these whole sentences alongside the extracted mentions.
 */
export function requirementSentences(posting: Posting): RequirementSentence[] {
  const out: RequirementSentence[] = [];
  const hasRequirementSection = posting.sections.some((s) => s.kind === 'requirements' || s.kind === 'nice-to-have');
  for (const section of posting.sections) {
    if (BOILERPLATE_KINDS.has(section.kind)) continue;
    // Unlabelled text ("other") contributes only sentences that ask for something, and its list items when the
    // posting has no requirement section at all (a posting without headings).
    const unlabelled = !REQUIREMENT_KINDS.has(section.kind);
    for (const sentence of section.sentences) {
      // Cues sit near the start; an unpunctuated run of page text can be a megabyte long.
      const head = sentence.text.slice(0, MAX_CUE_CHARS);
      if (BOILERPLATE.test(head)) continue;
      if (unlabelled && !ASKS.test(head) && !(sentence.isListItem && !hasRequirementSection)) continue;
      // Prose in a role description mixes duties with company story, team set-up and how to apply: keep the
      // sentences that talk to the candidate or ask for something (list items always count).
      if (section.kind === 'responsibilities' && !sentence.isListItem && !ADDRESSED.test(head) && !ASKS.test(head)) continue;
      if (sentence.text.length < 2) continue;
      out.push({
        sentence,
        sectionKind: section.kind,
        heading: section.heading,
        importance: importanceOf(head, section.kind),
        years: yearsIn(head),
        level: levelIn(head),
        stated: section.kind === 'requirements' || section.kind === 'nice-to-have',
      });
    }
  }
  return out;
}
