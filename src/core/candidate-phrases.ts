import { fold, tokenize } from './text-normalise.js';

/**
 * Words that separate skill phrases in requirement sentences, in the languages SkillProof reads.
 * They end a phrase; they never belong to one. Kept short on purpose: over-splitting loses multi-word skills.
 */
const BREAKERS = new Set(
  [
    // English
    'and', 'or', 'with', 'for', 'to', 'the', 'a', 'an', 'as', 'we', 'you', 'your', 'our', 'is', 'are', 'be', 'have', 'has',
    'experience', 'experienced', 'knowledge', 'understanding', 'familiarity', 'familiar', 'proficiency', 'proficient',
    'skills', 'skill', 'ability', 'able', 'strong', 'good', 'solid', 'excellent', 'deep', 'proven', 'hands-on', 'working',
    'years', 'year', 'plus', 'preferred', 'required', 'must', 'should', 'nice', 'bonus', 'like', 'such', 'etc', 'e.g', 'i.e',
    'including', 'using', 'use', 'within', 'at', 'least', 'on', 'by', 'from', 'into', 'this', 'that', 'who', 'will', 'can',
    // German
    'und', 'oder', 'mit', 'für', 'der', 'die', 'das', 'den', 'dem', 'ein', 'eine', 'einer', 'im', 'in', 'von', 'zu', 'sehr',
    'kenntnisse', 'erfahrung', 'erfahrungen', 'gute', 'sehr', 'fundierte', 'sicherer', 'umgang', 'idealerweise', 'sowie',
    // French
    'et', 'ou', 'avec', 'pour', 'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'en', 'maîtrise', 'connaissance',
    'connaissances', 'expérience', 'bonne', 'bonnes', 'solide', 'solides',
    // Spanish / Portuguese
    'y', 'o', 'con', 'para', 'el', 'los', 'las', 'una', 'conocimiento', 'conocimientos', 'experiencia', 'e', 'ou', 'com',
    'os', 'as', 'um', 'uma', 'conhecimento', 'conhecimentos', 'experiência', 'em', 'no', 'na',
  ].map(fold),
);

const MAX_PHRASE_TOKENS = 6;

export interface Phrase {
  text: string;
  start: number;
  end: number;
}

/**
 * Cut a sentence into candidate skill phrases: runs of content words between punctuation and function words.
 * Offsets index into `sentence`. Long runs are kept whole up to 6 tokens, then cut.
 */
export function candidatePhrases(sentence: string): Phrase[] {
  const tokens = tokenize(sentence);
  const phrases: Phrase[] = [];
  let run: typeof tokens = [];
  const flush = () => {
    for (let i = 0; i < run.length; i += MAX_PHRASE_TOKENS) {
      const part = run.slice(i, i + MAX_PHRASE_TOKENS);
      const start = part[0]!.start;
      const end = part[part.length - 1]!.end;
      const text = sentence.slice(start, end);
      if (!/^\d+$/.test(text)) phrases.push({ text, start, end });
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    // Punctuation between two tokens (comma, semicolon, bracket, bullet, slash with spaces) ends the run.
    if (prev && /[,;:()[\]•|!?]|\s[/&-]\s|\.\s/.test(sentence.slice(prev.end, t.start))) flush();
    if (BREAKERS.has(fold(t.text))) {
      flush();
      continue;
    }
    run.push(t);
  }
  flush();
  return phrases;
}
