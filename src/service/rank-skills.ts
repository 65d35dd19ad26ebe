import { candidatePhrases, type Phrase } from '../core/candidate-phrases.js';
import type { LexicalMatcher } from '../core/lexical-matcher.js';
import { rerankCandidates, type RerankerWeights } from '../core/rerank/reranker.js';
import { surfaceKey } from '../core/skill-surfaces.js';
import { TECH_WITHOUT_ESCO_CONCEPT } from '../core/tech-aliases.js';
import { skillFactsOf } from './rerank-skills.js';
import type { SkillEngine } from './skill-engine.js';
import type { ContextVectors, Embedder } from '../ports/embedder.js';

/** Which channels to use and how to fuse them; the ablation benchmark switches these one by one. */
export interface RankOptions {
  /** Whole-sentence dense query. */
  sentence: boolean;
  /** One dense query per candidate phrase (span-level matching). */
  spans: boolean;
  /** Verbatim/plural label matches. */
  lexical: boolean;
  /**
   * Span vectors from the sentence's own model pass (mean of the span's contextual token vectors) instead of one
   * pass per phrase. Used when the embedder supports it.
   */
  contextualSpans: boolean;
  /** With contextual spans: phrases of at most this many words still get their own pass (they are cheap). */
  isolatedSpanWords: number;
  /** Candidates fetched per dense query. */
  pool: number;
  /** Nearest labels read per concept wanted by a phrase query (a concept has several labels; search cost grows with it). */
  spanOverfetch: number;
  /** Weight of the sentence similarity when both channels are on (the span similarity gets the rest). */
  sentenceWeight: number;
  /** Added to a concept's score when its label occurs in the text. */
  lexicalBonus: number;
  /** Trained re-ranker over the fused top candidates (rerankerFor(model)); its probability then sets the order. */
  reranker?: RerankerWeights | null;
  k: number;
}

/** The linker asks for many neighbours per query, which already makes the search wide: no extra ef. */
const LINKER_SEARCH = { ef: 1 };

export const DEFAULT_RANK: RankOptions = { sentence: true, spans: true, lexical: true, contextualSpans: false, isolatedSpanWords: 0, pool: 40, spanOverfetch: 2, sentenceWeight: 0.5, lexicalBonus: 0.2, k: 20 };

export interface RankedSkill {
  uri: string;
  score: number;
  sentence: number;
  span: number;
  lexical: number;
  /** With a re-ranker: the calibrated probability that this is a right answer (the list is sorted by it). */
  probability?: number;
  channels: string[];
  /** The words that carry it, as offsets into the input text. */
  evidence: { start: number; end: number };
}

interface Candidate {
  uri: string;
  point: number | undefined;
  sentence: number | null;
  span: number | null;
  spanAt: { start: number; end: number } | null;
  lexical: number;
  lexicalAt: { start: number; end: number } | null;
  channels: Set<string>;
}

/** A sentence without its bullet and closing punctuation. */
function coreOf(text: string): string {
  return text.replace(/^[\s•*·–-]+/, '').replace(/[\s.;:!]+$/, '');
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Rank ESCO skills for each text. Candidates come from a dense query per sentence and per phrase and from
 * verbatim label matches; every candidate is then scored on both the whole sentence and its best phrase
 * (a phrase alone over-rewards short generic words, a sentence alone blurs lists), plus a lexical bonus.
 */
export async function rankTexts(
  engine: SkillEngine,
  lexical: LexicalMatcher | null,
  texts: readonly string[],
  options: Partial<RankOptions> = {},
  /** Spans to query per text (e.g. extracted mentions); texts without them get candidate phrases. */
  explicitSpans?: readonly (readonly Phrase[] | null)[],
  /** Filled with milliseconds spent per stage: embed, search, fuse. */
  timings?: Record<string, number>,
): Promise<RankedSkill[][]> {
  const o = { ...DEFAULT_RANK, ...options };
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    if (timings) timings[stage] = (timings[stage] ?? 0) + (now - mark);
    mark = now;
  };
  const phrasesPer = texts.map((t, i) => {
    if (!o.spans) return [];
    // A phrase that is the whole sentence (a one-item bullet) adds nothing to the sentence query.
    const core = coreOf(t);
    return (explicitSpans?.[i] ?? candidatePhrases(t)).filter(
      (p) => p.text !== core && p.end - p.start < core.length && !TECH_WITHOUT_ESCO_CONCEPT.has(p.text.trim().toLowerCase()),
    );
  });
  const vectors = await queryVectors(engine, texts, phrasesPer, o.contextualSpans, o.isolatedSpanWords);
  lap('embed');
  let q = 0;
  const out: RankedSkill[][] = [];
  for (let i = 0; i < texts.length; i++) {
    const sentenceVec = vectors[q++]!;
    const spanVecs = phrasesPer[i]!.map(() => vectors[q++]!);
    const cands = new Map<string, Candidate>();
    const touch = (uri: string, point: number | undefined) => {
      let c = cands.get(uri);
      if (!c) {
        c = { uri, point, sentence: null, span: null, spanAt: null, lexical: 0, lexicalAt: null, channels: new Set() };
        cands.set(uri, c);
      }
      return c;
    };
    const hitPoint = (text: string) => engine.pointOf?.(text);
    if (o.sentence) {
      for (const h of await engine.index.searchConcepts(sentenceVec, o.pool, LINKER_SEARCH)) {
        const c = touch(h.conceptUri, hitPoint(h.best.text));
        c.sentence = h.score;
        c.channels.add('sentence');
      }
    }
    for (const [s, v] of spanVecs.entries()) {
      const spanPool = Math.ceil(o.pool / 2);
      for (const h of await engine.index.searchConcepts(v, spanPool, { ...LINKER_SEARCH, surfaces: spanPool * o.spanOverfetch })) {
        const c = touch(h.conceptUri, hitPoint(h.best.text));
        if (c.span === null || h.score > c.span) {
          c.span = h.score;
          c.spanAt = phrasesPer[i]![s]!;
        }
        c.channels.add('span');
      }
    }
    if (o.lexical && lexical) {
      for (const hit of lexical.match(texts[i]!)) {
        const strength = (hit.match === 'exact' ? 1 : 0.85) * (hit.label.kind === 'hidden' ? 0.8 : 1);
        // Aliases are not indexed: score them through the concept's preferred label.
        const c = touch(hit.conceptUri, hitPoint(hit.label.text) ?? hitPoint(engine.taxonomy.label(hit.conceptUri) ?? ''));
        if (strength > c.lexical) {
          c.lexical = strength;
          c.lexicalAt = { start: hit.start, end: hit.end };
        }
        c.channels.add('lexical');
      }
    }
    lap('search');
    const ranked: RankedSkill[] = [];
    for (const c of cands.values()) {
      const pv = c.point !== undefined ? engine.index.pointVector(c.point) : null;
      // Fill in the channel that did not retrieve this candidate with its real similarity to the same label.
      const sentence = c.sentence ?? (pv ? dot(sentenceVec, pv) : 0);
      let span = c.span;
      let spanAt = c.spanAt;
      if (span === null && pv) {
        spanVecs.forEach((v, s) => {
          const sim = dot(v, pv);
          if (span === null || sim > span) {
            span = sim;
            spanAt = phrasesPer[i]![s]!;
          }
        });
      }
      const dense = o.sentence && spanVecs.length ? o.sentenceWeight * sentence + (1 - o.sentenceWeight) * (span ?? sentence) : o.sentence ? sentence : (span ?? sentence);
      ranked.push({
        uri: c.uri,
        score: dense + o.lexicalBonus * c.lexical,
        sentence,
        span: span ?? sentence,
        lexical: c.lexical,
        channels: [...c.channels],
        evidence: c.lexicalAt ?? spanAt ?? { start: 0, end: texts[i]!.length },
      });
    }
    ranked.sort((a, b) => b.score - a.score);
    const ordered = o.reranker ? rerankCandidates(o.reranker, texts[i]!, ranked, skillFactsOf(engine.taxonomy)) : ranked;
    // A bullet that only names a tool ESCO lacks ("• Docker") has no honest match.
    out.push(TECH_WITHOUT_ESCO_CONCEPT.has(coreOf(texts[i]!).toLowerCase()) ? [] : ordered.slice(0, o.k));
    lap('fuse');
  }
  return out;
}

/** Vectors in query order: per text, its sentence vector then one per phrase. */
async function queryVectors(
  engine: SkillEngine,
  texts: readonly string[],
  phrasesPer: readonly Phrase[][],
  contextual: boolean,
  isolatedWords: number,
): Promise<Float32Array[]> {
  const { embedder } = engine;
  if (contextual && embedder.embedInContext) {
    const isolated = (p: Phrase) => p.text.split(/\s+/).length <= isolatedWords;
    const own = [...new Set(phrasesPer.flatMap((ps) => ps.filter(isolated).map((p) => p.text)))];
    const ownVectors = own.length ? await embedder.embed(own, 'query') : [];
    const byText = new Map(own.map((t, i) => [t, ownVectors[i]!]));
    const pooled = await pooledVectors(embedder, texts, phrasesPer.map((ps) => ps.filter((p) => !isolated(p))));
    return texts.flatMap((_, i) => {
      const c = pooled[i]!;
      let j = 0;
      return [c.text, ...phrasesPer[i]!.map((p) => (isolated(p) ? byText.get(p.text)! : c.spans[j++]!))];
    });
  }
  const queries: string[] = [];
  texts.forEach((t, i) => {
    queries.push(t);
    phrasesPer[i]!.forEach((p) => queries.push(p.text));
  });
  // The same mention often recurs across sentences: embed each distinct text once.
  const distinct = [...new Set(queries)];
  const distinctVectors = distinct.length ? await embedder.embed(distinct, 'query') : [];
  const byText = new Map(distinct.map((t, i) => [t, distinctVectors[i]!]));
  return queries.map((t) => byText.get(t)!);
}

/** One model pass per distinct (sentence, spans); each span pooled from that pass. */
async function pooledVectors(embedder: Embedder, texts: readonly string[], spansPer: readonly Phrase[][]): Promise<ContextVectors[]> {
  const keyOf = (i: number) => `${texts[i]}\u0000${spansPer[i]!.map((p) => `${p.start}:${p.end}`).join(',')}`;
  const first = new Map<string, number>();
  texts.forEach((_, i) => first.has(keyOf(i)) || first.set(keyOf(i), i));
  const unique = [...first.values()];
  const out = await embedder.embedInContext!(unique.map((i) => ({ text: texts[i]!, spans: spansPer[i]! })), 'query');
  const byKey = new Map(unique.map((i, j) => [keyOf(i), out[j]!]));
  return texts.map((_, i) => byKey.get(keyOf(i))!);
}

/** Map label text → index point, so lexical hits can be scored against their own vectors. */
export function pointLookup(index: { size: number; pointText(p: number): string }): (text: string) => number | undefined {
  const map = new Map<string, number>();
  for (let p = 0; p < index.size; p++) map.set(surfaceKey(index.pointText(p)), p);
  return (text) => map.get(surfaceKey(text));
}
