import { ANALYSIS_SCHEMA_VERSION, type PostingAnalysis } from '../core/analysis.js';
import { InputError } from '../core/errors.js';
import type { LexicalMatcher } from '../core/lexical-matcher.js';
import { extractMentions } from '../core/mentions/extract-mentions.js';
import { requirementSentences } from '../core/mentions/requirement-sentences.js';
import type { Posting } from '../core/posting.js';
import type { SkillIndex } from '../ports/skill-index.js';
import { impliedSkills, inferOccupations } from './infer-occupation.js';
import { linkPosting } from './link-posting.js';
import type { AnalyzeInput } from './service-types.js';
import type { SkillEngine } from './skill-engine.js';

export type EngineKind = 'primary' | 'multilingual';

export interface AnalyzeDeps {
  readPosting(input: AnalyzeInput): Promise<Posting>;
  engine(kind: EngineKind): Promise<SkillEngine>;
  lexical(kind: EngineKind): Promise<LexicalMatcher>;
  occupations(kind: EngineKind): Promise<SkillIndex>;
  escoVersion: string;
  /** Whether an engine can answer now; starts preparing it when not. Absent: always wait for the engine. */
  engineReady?(kind: EngineKind): Promise<boolean>;
}

/** Languages the multilingual model was trained on that postings commonly use; others are refused plainly. */
const SUPPORTED = new Set('en de fr es pt it nl pl sv da no nb fi cs sk sl hr ro hu bg el et lv lt ca gl eu tr ru uk ar he hi ja ko zh vi id th'.split(' '));

/** Read a posting, find its requirement sentences and mentions, link them to ESCO, infer the occupation. */
export async function analyzePosting(deps: AnalyzeDeps, input: AnalyzeInput): Promise<PostingAnalysis> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = (timings[stage] ?? 0) + (now - mark);
    mark = now;
  };
  const posting = await deps.readPosting(input);
  lap('read');
  const notes: string[] = [];
  const language = input.lang ?? posting.language;
  if (language !== 'und' && !SUPPORTED.has(language)) {
    throw new InputError('unsupported_language', `The posting seems to be in "${language}", which SkillProof cannot link to ESCO yet. If that is wrong, pass the language explicitly (--lang en).`);
  }
  if (language === 'und') notes.push('The posting language could not be detected; it was read as English.');
  let kind: EngineKind = language === 'en' || language === 'und' ? 'primary' : 'multilingual';
  if (kind === 'multilingual' && deps.engineReady && !(await deps.engineReady('multilingual'))) {
    // The multilingual index is still being built (first use takes minutes): answer now with the English model.
    kind = 'primary';
    notes.push(`The multilingual model is still preparing its index; this ${language} posting was linked with the English model and may miss skills. Try again in a few minutes.`);
  }
  const [engine, lexical] = await Promise.all([deps.engine(kind), deps.lexical(kind)]);
  lap('load');
  const sentences = requirementSentences(posting);
  const mentions = extractMentions(posting);
  lap('mentions');
  const skills = await linkPosting(engine, lexical, { sentences, mentions }, timings);
  mark = performance.now();
  const occupations = await inferOccupations({ taxonomy: engine.taxonomy, embedder: engine.embedder, occupations: await deps.occupations(kind) }, posting.title, skills);
  const implied = input.includeImplied === false ? [] : impliedSkills(engine.taxonomy, occupations[0], skills);
  lap('occupation');
  if (!sentences.length) notes.push('No requirement-like sentences were found: is this a job posting? Try pasting the job description text.');
  else if (!skills.length) notes.push('No ESCO skill cleared the confidence threshold; the posting may describe skills too vaguely.');
  const sentenceCount = posting.sections.reduce((n, s) => n + s.sentences.length, 0);
  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    posting: { title: posting.title, organisation: posting.organisation, location: posting.location, language, url: posting.source.url, sentenceCount },
    skills,
    occupations,
    implied,
    notes,
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Number(v.toFixed(1))])),
    model: { embedder: engine.embedder.id, escoVersion: deps.escoVersion },
  };
}
