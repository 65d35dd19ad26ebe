import type { Importance, SkillMatch, SkillMention } from '../core/analysis.js';
import type { LexicalMatcher } from '../core/lexical-matcher.js';
import type { RequirementSentence } from '../core/mentions/requirement-sentences.js';
import { ancestorsOf } from '../core/skill-hierarchy.js';
import type { Taxonomy } from '../ports/taxonomy.js';
import { applyLlmChoice } from './llm-rerank.js';
import { rankTexts, type RankedSkill, type RankOptions } from './rank-skills.js';
import { RERANKED_THRESHOLD, rerankerFor } from './rerank-skills.js';
import type { SkillEngine } from './skill-engine.js';
import { modelFamily } from './trained-model.js';

/** Per-model score scales differ (E5 similarities sit high), so acceptance thresholds are per model. */
const THRESHOLDS: Record<string, { accept: number; spread: number }> = {
  'Xenova/all-MiniLM-L6-v2': { accept: 0.64, spread: 0.06 },
  'Xenova/multilingual-e5-small': { accept: 0.88, spread: 0.02 },
  // ESCO-tuned MiniLM from `npm run model:train` (any build key), ranked with contextual spans: the lowest threshold
  // that keeps the base model's precision on TECH + HOUSE validation (30.8% vs 30.1%, recall 38.5% vs 38.2%); spread
  // scaled by its gold-vs-other gap (test/bench/tune-threshold.ts).
  'skillproof/minilm-esco': { accept: 0.58, spread: 0.056 },
  // ESCO-tuned multilingual-e5-small (any build key): set the same way against the base E5's 0.88 on the English
  // validation splits through the multilingual engine (precision 27.3% vs 27.0%, recall 38.2% vs 38.2%).
  'skillproof/me5-esco': { accept: 0.61, spread: 0.024 },
};
/**
 * Per-model ranking choices for postings. The multilingual model is twice as deep, so it pools multi-word phrase
 * vectors from each sentence's own pass instead of a pass per phrase (one-word phrases, mostly tool names, keep
 * their own cheap pass): about 35% less model work on French and German postings, at a measured ranking cost.
 */
const RANK_BY_MODEL: Record<string, Partial<RankOptions>> = {
  'Xenova/multilingual-e5-small': { contextualSpans: true, isolatedSpanWords: 1 },
  // The ESCO-tuned MiniLM (any build key) ranks phrases best from their context: on TECH validation RP@5 67.9 → 73.4
  // and MRR .674 → .712, HOUSE validation MRR .582 → .601 (RP@5 62.8 → 62.3), with half the model work.
  'skillproof/minilm-esco': { contextualSpans: true },
  // The ESCO-tuned multilingual-e5-small (any build key) is the same depth as its base: same choices.
  'skillproof/me5-esco': { contextualSpans: true, isolatedSpanWords: 1 },
};

/** The ranking options the product uses for postings with this embedder (the benchmarks report them as shipped). */
export function rankOptionsFor(embedderId: string): Partial<RankOptions> {
  return RANK_BY_MODEL[modelFamily(embedderId)] ?? {};
}

/**
 * Revision of the linking logic, part of every stored analysis's key: bump it with any change that can change a
 * posting's skill list (thresholds, fusion, candidate phrases), so stored analyses made by older code are not served.
 */
export const LINKER_REVISION = '2026-11-23.9';

const FALLBACK_THRESHOLD = { accept: 0.7, spread: 0.05 };
/** How far above the re-ranked acceptance threshold an exactly written name is kept. */
const NAME_FLOOR_MARGIN = 0.05;
/** How close to the best concept of the same words another concept must score to be reported too. */
const SPAN_MARGIN = 0.03;
/** Extra score asked of a skill whose only evidence is one plain lower-case word. */
const WEAK_EVIDENCE_MARGIN = 0.08;

export function thresholdFor(embedderId: string): { accept: number; spread: number } {
  return THRESHOLDS[modelFamily(embedderId)] ?? FALLBACK_THRESHOLD;
}

export interface LinkPostingInput {
  sentences: readonly RequirementSentence[];
  mentions: readonly SkillMention[];
  rank?: Partial<RankOptions>;
  /**
   * Optional re-ranking of each sentence's candidates (the LLM stage, off by default): per sentence the chosen URIs
   * in order, or null to keep the dense list.
   */
  rerank?: (items: readonly { text: string; candidates: readonly string[] }[]) => Promise<readonly (readonly string[] | null)[]>;
}

interface Found {
  uri: string;
  score: number;
  importance: Importance;
  evidence: SkillMatch['evidence'];
  channels: Set<string>;
  years: number | null;
  level: string | null;
  sentenceIds: Set<number>;
}

/**
 * Link a posting's requirement sentences (and the mentions inside them) to ESCO skills: rank per sentence,
 * keep what clears the model's threshold, merge across sentences, and drop a broader concept found for the
 * same words as a narrower one.
 */
export async function linkPosting(
  engine: SkillEngine,
  lexical: LexicalMatcher | null,
  input: LinkPostingInput,
  timings: Record<string, number>,
): Promise<SkillMatch[]> {
  const { sentences, mentions } = input;
  const bySentence = new Map<number, SkillMention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentenceSpan.start) ?? [];
    list.push(m);
    bySentence.set(m.sentenceSpan.start, list);
  }
  const texts = sentences.map((r) => r.sentence.text);
  const spans = sentences.map((r) => {
    const ms = bySentence.get(r.sentence.start);
    return ms?.length ? ms.map((m) => ({ text: m.text, start: m.span.start - r.sentence.start, end: m.span.end - r.sentence.start })) : null;
  });
  const modelRank = rankOptionsFor(engine.embedder.id);
  // A trained re-ranker for this model (when one was shipped) turns scores into probabilities: one threshold for all.
  const reranker = input.rank?.reranker === undefined ? rerankerFor(engine.embedder.id) : input.rank.reranker;
  const fused = await rankTexts(engine, lexical, texts, { k: 8, ...modelRank, ...input.rank, reranker }, spans, timings);
  const ranked = reranker ? fused.map((list, i) => withNameFloor(texts[i]!, list)) : fused;
  const llmStarted = performance.now();
  const picks = input.rerank ? await input.rerank(ranked.map((list, i) => ({ text: texts[i]!, candidates: list.map((x) => x.uri) }))) : null;
  if (picks) timings.llm = (timings.llm ?? 0) + (performance.now() - llmStarted);
  const started = performance.now();
  const { accept, spread } = reranker ? RERANKED_THRESHOLD : thresholdFor(engine.embedder.id);
  const found = new Map<string, Found>();
  ranked.forEach((list, i) => {
    const req = sentences[i]!;
    const mentionsHere = bySentence.get(req.sentence.start) ?? [];
    const cap = Math.min(6, 1 + mentionsHere.length);
    // One phrase usually names one skill: per evidence span keep the best concept and near-ties only.
    const bestPerSpan = new Map<string, number>();
    const perSpan = new Map<string, number>();
    const picked = picks?.[i];
    // The model judged the whole sentence: its choice replaces the per-phrase rules, above a lower floor.
    const accepted = picked ? applyLlmChoice(list, picked, accept - 2 * spread) : list.filter((x) => {
      // One plain lower-case word ("design", "processes") matches many labels loosely: ask more of it.
      const words = req.sentence.text.slice(x.evidence.start, x.evidence.end);
      const weak = x.lexical < 1 && /^[\p{Ll}]+$/u.test(words);
      if (x.score < accept + (weak ? WEAK_EVIDENCE_MARGIN : 0)) return false;
      const key = `${x.evidence.start}:${x.evidence.end}`;
      const best = bestPerSpan.get(key);
      if (best === undefined) bestPerSpan.set(key, x.score);
      else if (x.score < best - SPAN_MARGIN || (perSpan.get(key) ?? 0) >= 2) return false;
      perSpan.set(key, (perSpan.get(key) ?? 0) + 1);
      return true;
    });
    for (const r of accepted.slice(0, cap)) {
      const absStart = req.sentence.start + r.evidence.start;
      const absEnd = req.sentence.start + r.evidence.end;
      const mention = mentionsHere.find((m) => m.span.start <= absStart && absEnd <= m.span.end) ?? mentionsHere.find((m) => m.span.start < absEnd && absStart < m.span.end);
      const importance: Importance = mention?.importance ?? req.importance;
      const ev = { sentence: req.sentence.text, span: { start: absStart, end: absEnd }, mention: mention?.text ?? req.sentence.text.slice(r.evidence.start, r.evidence.end) };
      const prev = found.get(r.uri);
      if (!prev) {
        found.set(r.uri, {
          uri: r.uri,
          score: r.score,
          importance,
          evidence: [ev],
          channels: new Set(r.channels),
          years: mention?.years ?? req.years,
          level: mention?.level ?? req.level,
          sentenceIds: new Set([i]),
        });
        continue;
      }
      prev.score = Math.max(prev.score, r.score);
      if (importance === 'essential') prev.importance = 'essential';
      if (prev.evidence.length < 5) prev.evidence.push(ev);
      r.channels.forEach((c) => prev.channels.add(c));
      prev.years ??= mention?.years ?? req.years;
      prev.level ??= mention?.level ?? req.level;
      prev.sentenceIds.add(i);
    }
  });
  const kept = dropBroaderDuplicates([...found.values()], engine.taxonomy);
  timings.select = (timings.select ?? 0) + (performance.now() - started);
  return kept
    .sort((a, b) => b.score - a.score)
    .map((f) => ({
      escoUri: f.uri,
      label: engine.taxonomy.label(f.uri) ?? f.uri,
      skillType: engine.taxonomy.skill(f.uri)?.skillType ?? 'unknown',
      // A logistic map of the fused score around the acceptance threshold: 0.5 at the threshold.
      score: Number((reranker ? f.score : 1 / (1 + Math.exp(-(f.score - accept) / spread))).toFixed(3)),
      importance: f.importance,
      evidence: f.evidence,
      years: f.years,
      level: f.level,
      channels: [...f.channels].sort(),
    }));
}

/** When a narrower and a broader concept come from the same sentence, report only the narrower one. */
function dropBroaderDuplicates(found: Found[], taxonomy: Taxonomy): Found[] {
  const drop = new Set<string>();
  for (const narrow of found) {
    const up = ancestorsOf(taxonomy, narrow.uri, 3);
    for (const broad of found) {
      if (broad === narrow || !up.has(broad.uri)) continue;
      const shared = [...broad.sentenceIds].some((s) => narrow.sentenceIds.has(s));
      if (shared) {
        drop.add(broad.uri);
        if (broad.importance === 'essential') narrow.importance = 'essential';
      }
    }
  }
  return found.filter((f) => !drop.has(f.uri));
}

/**
 * Re-ranked scores are probabilities, and in a long list sentence ("Scripting: PowerShell; Deploy: Octopus Deploy,
 * SQL Server") the model gives the later names little of it. A name the posting writes exactly as an ESCO label
 * (capitals, digits or symbols: "Octopus Deploy", "PostgreSQL", "C#") is what a reader expects in the list: it is
 * kept at the acceptance threshold at least.
 */
export function withNameFloor(text: string, list: readonly RankedSkill[]): RankedSkill[] {
  const floor = RERANKED_THRESHOLD.accept + NAME_FLOOR_MARGIN;
  return list
    .map((x) => {
      const p = x.probability ?? 0;
      const named = x.lexical >= 1 && /[\p{Lu}\d#+]/u.test(text.slice(x.evidence.start, x.evidence.end));
      return { ...x, score: named ? Math.max(p, floor) : p };
    })
    .sort((a, b) => b.score - a.score);
}
