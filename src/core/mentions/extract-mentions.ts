import type { SkillMention } from '../analysis.js';
import type { Posting } from '../posting.js';
import { importanceOf } from './importance-cues.js';
import { phraseSpans, type LocalSpan } from './phrase-spans.js';
import { levelIn } from './qualifiers.js';
import { MAX_CUE_CHARS, requirementSentences } from './requirement-sentences.js';

// Leading words that qualify rather than name a skill; stripped from the mention (its span shrinks with it).
const LEAD =
  /^(?:(?:l|d|qu)['’](?=\p{L})|(?:(?:you|du|sie|vous|tu|você) )?(?:have|has|bring|possess|hast|haben|habt|bringst|bringen|besitzt|verfügst über|verfügen über|kennst|bist|avez|possédez|disposez d['’]|tienes|tiene|cuentas con|tem|possui|possuis)\s+|\d+\s*\+?\s*(?:[-–]\s*\d+\s*)?(?:years?|yrs?|ans?|années|Jahren?|años|anos)(?:\s+(?:of|d['’]|de|an))?\s+|(?:z\.\s?B\.|e\.g\.|i\.e\.|mind\.)\s*|(?:and|or|und|oder|sowie|et|ou|y|e|either|entweder|sur|en|dans|avec|mit|im|em|com|con|with|da|do|a|an|the|some|one|other|our|your|their|strong|solid|good|great|very|excellent|deep|proven|practical|hands-on|professional|relevant|basic|advanced|extensive|working|several|modern|sound|thorough|at least|minimum|of|in|with|on|ein(?:e|en|er|em)?|der|die|das|den|dem|des|gute|guten|gutes|sehr|fundierte|fundiertes|fundierten|solide|umfassende|erste|mehrjährige|mindestens|ausgeprägte|idealerweise|praktische|bereits|de|du|des|la|le|les|l['’]|d['’]|un|une|bonne|bonnes|solides|excellente|forte|solide|el|los|las|una|buen|buena|buenos|sólidos|o|a|os|as|um|uma|boa|bons|sólida|sólido|idealmente|ideally|preferably|schon|first|erfahrung|experience)\s+)+/iu;
const TRAIL =
  /[\s,;:.!?'"“”‘’)\]…-]+$|\s+(?:is an advantage|is advantageous|an advantage|is|are|a|an|and|or|und|oder|et|ou|y|o|e|etc|usw|…|\.\.\.|o\.\s?ä\.?|u\.\s?ä\.?|or similar|oder ähnliche[sn]?|ou similaires?|o similares?|ou semelhantes?|mit|with|using|in|von|of|avec|de|en|con|com|gesammelt|mitbringst|mitbringen|aus|vorweisen|sammeln|hast|haben|besitzt|verfügst|requis|souhaitée?s?|exigée?s?|required|preferred|needed|ist|sind|is a plus|a plus|von Vorteil|wünschenswert|un plus|deseable|desejável)$/iu;
const NOT_A_SKILL =
  /^(?:you|we|our|your|the|this|it|they|du|sie|wir|ihr|vous|nous|il|elle|tu|usted|você|also|auch|aussi|también|também|plus|a plus|is a plus|bonus|preferred|required|etc|usw|must|nice to have|von vorteil|idéalement|m\/w\/d|h\/f|e\.?g|i\.?e|z\.?\s?b|w\/m\/d|\d+\+?|years?|jahre|ans|años|anos|experience|erfahrung|expérience|experiencia|experiência|knowledge|kenntnisse|skills|team|teams|work|working|ability|able|one|other|others|andere|anderen|autres|otros|outros|similar|related|relevant|equivalent|degree|[ABC][12]|wort|schrift|written|spoken|verbal|écrit|oral|parlé|escrito|hablado|falado)$/iu;
// A phrase that starts like a clause ("are always open", "don't let it …") is prose, not a skill name.
const CLAUSE_START = /^(?:are|is|am|be|were|was|have|has|had|do|does|don['’]t|can|will|would|you|we|they|it|i|dare|desire|let|sind|ist|wir|êtes|sommes|vous|nous)(?![\p{L}])/iu;
const MAX_WORDS = 10;

function tidy(sentence: string, span: LocalSpan): LocalSpan | null {
  let { start, end } = span;
  // A trailing bracket ("English (C1)") is a qualifier, not part of the name; an unclosed one is cut off.
  const open = sentence.slice(start, end).search(/\s*\((?![^()]*\))/);
  if (open > 0) end = start + open;
  const bracket = /\s*\([^()]*\)\s*$/.exec(sentence.slice(start, end));
  if (bracket && bracket.index > 0) end = start + bracket.index;
  // A verb ends the name: "IoT serait un plus", "e-commerce é um diferencial", "Kotlin sind wünschenswert".
  const copula = sentence.slice(start, end).search(/\s+(?:is|are|would be|ist|sind|wäre|est|sont|serait|es|son|será|é|são|seria)(?![\p{L}])/iu);
  if (copula > 0) end = start + copula;
  for (let guard = 0; guard < 6; guard++) {
    const piece = sentence.slice(start, end);
    const lead = LEAD.exec(piece)?.[0].length ?? 0;
    const leadSpace = /^\s+/.exec(piece.slice(lead))?.[0].length ?? 0;
    start += lead + leadSpace;
    const rest = sentence.slice(start, end);
    const trail = TRAIL.exec(rest);
    if (trail) end = start + trail.index;
    if (lead === 0 && leadSpace === 0 && !trail) break;
  }
  const text = sentence.slice(start, end);
  if (end <= start || NOT_A_SKILL.test(text) || CLAUSE_START.test(text)) return null;
  const words = text.split(/\s+/).length;
  // One-letter names are only skills when written as such (C, R); lower-case single letters are noise.
  if (text.length < 2 && !/^[CR]$/.test(text)) return null;
  if (words > MAX_WORDS || !/\p{L}/u.test(text) || /@|https?:|www\./.test(text)) return null;
  return { start, end };
}

// A level word belongs to the phrase it stands next to ("Expert knowledge of SQL", "Deutsch verhandlungssicher"),
// not to its neighbours in an enumeration ("communication skills and fluent English").
const SEPARATOR = /[,;]|\s(?:and|or|und|oder|et|ou|y|e|o)\s/iu;
function near(sentence: string, span: LocalSpan): string {
  const before = sentence.slice(Math.max(0, span.start - 24), span.start).split(SEPARATOR).pop() ?? '';
  const after = sentence.slice(span.end, span.end + 24).split(SEPARATOR)[0] ?? '';
  return `${before} ${after}`;
}

/**
 * Skill-bearing phrases from the posting's requirement-like sentences, each with its span in `Posting.text`,
 * essential/optional, and the years and level the sentence states. Boilerplate sections are skipped (see
 * `requirementSentences`). Mentions are unique per span and ordered by position.
 *
 * @example extractMentions(buildPosting(draftFromText(text))).map((m) => m.text)
 */
export function extractMentions(posting: Posting): SkillMention[] {
  const mentions: SkillMention[] = [];
  // The employer's own name is not a skill, though it is often capitalised like a product ("Dropbox", "Wolt").
  const employer = (posting.organisation ?? '').toLowerCase();
  const isEmployer = (text: string): boolean => employer.length > 1 && employer.includes(text.toLowerCase());
  for (const req of requirementSentences(posting)) {
    const { sentence } = req;
    const seen = new Set<string>();
    // A "sentence" of thousands of characters is unpunctuated page text, not a requirement: read its start only.
    const head = sentence.text.slice(0, MAX_CUE_CHARS);
    const spans = phraseSpans(head, sentence.isListItem, req.stated)
      .map((s) => tidy(head, s))
      .filter((s): s is LocalSpan => s !== null)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    for (const span of spans) {
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const text = head.slice(span.start, span.end);
      if (isEmployer(text)) continue;
      mentions.push({
        text,
        sentence: sentence.text,
        span: { start: sentence.start + span.start, end: sentence.start + span.end },
        sentenceSpan: { start: sentence.start, end: sentence.end },
        importance: importanceOf(head, req.sectionKind, span.start),
        years: req.years,
        level: levelIn(text) ?? levelIn(near(head, span)),
      });
    }
  }
  return mentions;
}
