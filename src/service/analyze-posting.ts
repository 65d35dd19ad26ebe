import { ANALYSIS_SCHEMA_VERSION, type PostingAnalysis } from '../core/analysis.js';
import { InputError } from '../core/errors.js';
import type { LexicalMatcher } from '../core/lexical-matcher.js';
import { extractMentions } from '../core/mentions/extract-mentions.js';
import { requirementSentences } from '../core/mentions/requirement-sentences.js';
import type { Posting } from '../core/posting.js';
import type { AnalysisStore } from '../ports/analysis-store.js';
import type { SkillIndex } from '../ports/skill-index.js';
import { createHash } from 'node:crypto';
import { impliedSkills, inferOccupations } from './infer-occupation.js';
import { linkPosting } from './link-posting.js';
import type { SentenceReranker } from './llm-rerank.js';
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
  /** Finished analyses by content key; absent: every call analyses afresh. */
  store?: AnalysisStore;
  /** Code revision that produced an analysis (package version + linker revision): part of the store key. */
  revision?: string;
  /** Analyses under way by key, so simultaneous requests for one posting share one analysis. */
  inflight?: Map<string, Promise<PostingAnalysis>>;
  /** The optional LLM re-ranking stage (SKILLPROOF_LLM_RERANK=on with an LLM configured); absent: off. */
  reranker?: SentenceReranker;
}

export interface AnalyzeOptions {
  /** Read and write the analysis store (default true). Off for CV prose, which is the user's own text. */
  useStore?: boolean;
  /** Use `deps.reranker` when there is one (default true). Off for CV prose: the user's own text is not sent out. */
  llmRerank?: boolean;
}

/** Languages the multilingual model was trained on that postings commonly use; others are refused plainly. */
const SUPPORTED = new Set('en de fr es pt it nl pl sv da no nb fi cs sk sl hr ro hu bg el et lv lt ca gl eu tr ru uk ar he hi ja ko zh vi id th'.split(' '));

/** Read a posting, find its requirement sentences and mentions, link them to ESCO, infer the occupation. */
export async function analyzePosting(deps: AnalyzeDeps, input: AnalyzeInput, options: AnalyzeOptions = {}): Promise<PostingAnalysis> {
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
    notes.push(`${FALLBACK_NOTE}; this ${language} posting was linked with the English model and may miss skills. Try again in a few minutes.`);
  }
  const [engine, lexical] = await Promise.all([deps.engine(kind), deps.lexical(kind)]);
  const reranker = options.llmRerank === false || input.llmRerank === false ? undefined : deps.reranker;
  let rerankFellBack = false;
  lap('load');
  // An answer given with the stand-in English model is not stored: the next request should get the real one.
  const storable = deps.store && options.useStore !== false && !notes.some((n) => n.startsWith(FALLBACK_NOTE));
  if (!storable) return finish();
  const key = analysisKey(posting, { language, includeImplied: input.includeImplied !== false, embedder: engine.embedder.id, revision: deps.revision ?? '', escoVersion: deps.escoVersion, llmRerank: reranker?.id ?? false });
  const stored = await deps.store!.get(key);
  if (stored) {
    lap('store');
    return { ...stored, timings: rounded(timings) };
  }
  const running = deps.inflight?.get(key);
  if (running) return running;
  const job = finish().then(async (analysis) => {
    // A store that cannot write (full disk, database down) costs the next request time, never this answer.
    // An answer the LLM stage could not fully shape is not stored: the next request tries the model again.
    if (!rerankFellBack) await deps.store!.put(key, analysis).catch(() => undefined);
    return analysis;
  });
  deps.inflight?.set(key, job);
  try {
    return await job;
  } finally {
    deps.inflight?.delete(key);
  }

  async function finish(): Promise<PostingAnalysis> {
    const sentences = requirementSentences(posting);
    const mentions = extractMentions(posting);
    lap('mentions');
    const rerank = reranker
      ? async (items: Parameters<SentenceReranker['rerank']>[1]) => {
          const outcome = await reranker.rerank(engine.taxonomy, items);
          notes.push(...outcome.notes);
          if (outcome.fallbacks) rerankFellBack = true;
          return outcome.chosen;
        }
      : undefined;
    const skills = await linkPosting(engine, lexical, { sentences, mentions, rerank }, timings);
    mark = performance.now();
    const occupations = await inferOccupations({ taxonomy: engine.taxonomy, embedder: engine.embedder, occupations: await deps.occupations(kind) }, posting.title, skills, { lang: posting.language });
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
      timings: rounded(timings),
      model: { embedder: engine.embedder.id, escoVersion: deps.escoVersion },
    };
  }
}

const FALLBACK_NOTE = 'The multilingual model is still preparing its index';

function rounded(timings: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Number(v.toFixed(1))]));
}

/** Content address of an analysis: the read posting, the options and everything about the engine that shapes it. */
export function analysisKey(posting: Posting, context: Record<string, string | boolean>): string {
  return createHash('sha256').update(JSON.stringify({ posting, context, schema: ANALYSIS_SCHEMA_VERSION })).digest('hex');
}
