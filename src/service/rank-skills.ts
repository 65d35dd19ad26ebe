import { candidatePhrases } from '../core/candidate-phrases.js';
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
): Promise<RankedSkill[][]> {
  const o = { ...DEFAULT_RANK, ...options };
  const phrasesPer = texts.map((t) => (o.spans ? candidatePhrases(t).filter((p) => p.end - p.start < t.trim().length) : []));
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
  if (o.lexical && lexical) {
    texts.forEach((t, i) => {
      for (const hit of lexical.match(t)) {
        const strength = (hit.match === 'exact' ? 1 : 0.85) * (hit.label.kind === 'hidden' ? 0.8 : 1);
        const a = touch(i, hit.conceptUri);
        if (strength > a.lexical) {
          a.lexical = strength;
          a.evidence = { start: hit.start, end: hit.end };
          a.evidenceScore = Infinity;
        }
        a.channels.add('lexical');
      }
    });
  }
  return accs.map((m) =>
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
}
