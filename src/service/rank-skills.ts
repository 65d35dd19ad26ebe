import { candidatePhrases, type Phrase } from '../core/candidate-phrases.js';
import { surfaceKey } from '../core/skill-surfaces.js';
import type { LexicalMatcher } from '../core/lexical-matcher.js';
import type { SkillEngine } from './skill-engine.js';

/** Which channels to use and how to fuse them; the ablation benchmark switches these one by one. */
export interface RankOptions {
  /** Whole-sentence dense query. */
  sentence: boolean;
  /** One dense query per candidate phrase (span-level matching). */
  spans: boolean;
  /** Verbatim/plural label matches. */
  lexical: boolean;
  /** Candidates fetched per dense query. */
  pool: number;
  /** Added to a concept's dense score when its label occurs in the text. */
  lexicalBonus: number;
  /** Subtracted from span scores (a short phrase matches labels more easily than a sentence). */
  spanPenalty: number;
  k: number;
}

export const DEFAULT_RANK: RankOptions = { sentence: true, spans: true, lexical: true, pool: 30, lexicalBonus: 0.15, spanPenalty: 0.02, k: 20 };

export interface RankedSkill {
  uri: string;
  score: number;
  dense: number;
  lexical: number;
  channels: string[];
  /** The words that carry it, as offsets into the input text. */
  evidence: { start: number; end: number };
}

interface Acc {
  dense: number;
  lexical: number;
  channels: Set<string>;
  evidence: { start: number; end: number };
  evidenceScore: number;
}

/** Rank ESCO skills for each text, fusing dense sentence, dense span and lexical evidence. One list per text. */
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
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    if (timings) timings[stage] = (timings[stage] ?? 0) + (now - mark);
    mark = now;
  };
  const o = { ...DEFAULT_RANK, ...options };
  const phrasesPer = texts.map((t, i) =>
    o.spans ? (explicitSpans?.[i] ?? candidatePhrases(t)).filter((p) => p.end - p.start < t.trim().length) : [],
  );
  const queries: string[] = [];
  const owners: { text: number; start: number; end: number; span: boolean }[] = [];
  texts.forEach((t, i) => {
    if (o.sentence) {
      queries.push(t);
      owners.push({ text: i, start: 0, end: t.length, span: false });
    }
    for (const p of phrasesPer[i]!) {
      queries.push(p.text);
      owners.push({ text: i, start: p.start, end: p.end, span: true });
    }
  });
  const vectors = queries.length ? await engine.embedder.embed(queries, 'query') : [];
  lap('embed');
  const sentenceVector: (Float32Array | undefined)[] = [];
  vectors.forEach((v, q) => {
    if (!owners[q]!.span) sentenceVector[owners[q]!.text] = v;
  });
  const accs: Map<string, Acc>[] = texts.map(() => new Map());
  const touch = (i: number, uri: string) => {
    let a = accs[i]!.get(uri);
    if (!a) {
      a = { dense: 0, lexical: 0, channels: new Set(), evidence: { start: 0, end: texts[i]!.length }, evidenceScore: -1 };
      accs[i]!.set(uri, a);
    }
    return a;
  };
  vectors.forEach((v, q) => {
    const owner = owners[q]!;
    for (const hit of engine.index.searchConcepts(v, o.pool)) {
      const score = owner.span ? hit.score - o.spanPenalty : hit.score;
      const a = touch(owner.text, hit.conceptUri);
      if (score > a.dense) a.dense = score;
      a.channels.add(owner.span ? 'span' : 'sentence');
      if (score > a.evidenceScore) {
        a.evidenceScore = score;
        a.evidence = { start: owner.start, end: owner.end };
      }
    }
  });
  lap('search');
  if (o.lexical && lexical) {
    texts.forEach((t, i) => {
      for (const hit of lexical.match(t)) {
        const strength = (hit.match === 'exact' ? 1 : 0.85) * (hit.label.kind === 'hidden' ? 0.8 : 1);
        const a = touch(i, hit.conceptUri);
        // A label found verbatim but outside the dense candidates still gets its real similarity to the sentence.
        const sv = sentenceVector[i];
        const point = engine.pointOf?.(hit.label.text);
        if (sv && point !== undefined && a.dense === 0) a.dense = dot(sv, engine.index.pointVector(point));
        if (strength > a.lexical) {
          a.lexical = strength;
          a.evidence = { start: hit.start, end: hit.end };
          a.evidenceScore = Infinity;
        }
        a.channels.add('lexical');
      }
    });
  }
  const out = accs.map((m) =>
    [...m]
      .map(([uri, a]) => ({
        uri,
        score: a.dense + o.lexicalBonus * a.lexical,
        dense: a.dense,
        lexical: a.lexical,
        channels: [...a.channels],
        evidence: a.evidence,
      }))
      .sort((x, y) => y.score - x.score)
      .slice(0, o.k),
  );
  lap('fuse');
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Map label text → index point, so lexical hits can be scored against their own vectors. */
export function pointLookup(index: { size: number; pointText(p: number): string }): (text: string) => number | undefined {
  const map = new Map<string, number>();
  for (let p = 0; p < index.size; p++) map.set(surfaceKey(index.pointText(p)), p);
  return (text) => map.get(surfaceKey(text));
}
