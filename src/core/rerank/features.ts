import type { ReuseLevel, SkillType } from '../taxonomy-types.js';

/** What the dense/lexical ranker already knows about one candidate of one text. */
export interface CandidateScores {
  uri: string;
  /** Fused score the candidates arrive sorted by. */
  score: number;
  sentence: number;
  span: number;
  lexical: number;
  channels: readonly string[];
  /** Offsets of the words that carry it in the text. */
  evidence: { start: number; end: number };
}

/** Cheap taxonomy facts about a skill concept. */
export interface SkillFacts {
  labels: readonly string[];
  skillType: SkillType;
  reuseLevel: ReuseLevel;
  altLabels: number;
  /** Occupations listing the skill as essential / optional (how common it is: a prior). */
  essential: number;
  optional: number;
  /** Steps up the skill hierarchy to its top. */
  depth: number;
  /** Ancestors up to a few levels (to see whether a narrower candidate sits in the same list). */
  ancestors: ReadonlySet<string>;
}

/** Feature names in vector order; a saved model lists the names it was trained with. */
export const FEATURE_NAMES = [
  'score',
  'sentence',
  'span',
  'lexical',
  'lexical_exact',
  'sentence_x_span',
  'log_rank',
  'is_top',
  'gap_score',
  'gap_sentence',
  'gap_span',
  'from_sentence',
  'from_span',
  'label_overlap',
  'pref_overlap',
  'evidence_overlap',
  'label_words',
  'evidence_words',
  'knowledge',
  'transversal',
  'cross_sector',
  'sector_specific',
  'occupation_specific',
  'log_alt_labels',
  'log_essential',
  'log_optional',
  'no_occupation',
  'depth',
  'narrower_in_list',
  'broader_in_list',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

const STOP = new Set('a an and or of the to in on for with as at by from is are be you your our we will who this that it its their'.split(' '));

/** Content-word stems: lower case, stop words out, long words cut to five letters (plural/-ing/-ed variants meet). */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}+#]+/gu) ?? []).filter((w) => !STOP.has(w)).map((w) => (w.length > 5 ? w.slice(0, 5) : w));
}

/** A concept's label stems, computed once per facts object (the same labels recur in every posting). */
const labelStemCache = new WeakMap<SkillFacts, string[][]>();
function labelStemsOf(facts: SkillFacts): string[][] {
  let out = labelStemCache.get(facts);
  if (!out) {
    out = facts.labels.map(stems);
    labelStemCache.set(facts, out);
  }
  return out;
}

/** Share of a label's content words that occur in the text. */
function overlap(label: readonly string[], text: ReadonlySet<string>): number {
  if (!label.length) return 0;
  let hit = 0;
  for (const w of label) if (text.has(w)) hit++;
  return hit / label.length;
}

/**
 * Feature vectors for one text's candidates (in the ranker's order), in FEATURE_NAMES order. Candidates without
 * facts (unknown URIs) get neutral taxonomy features.
 */
export function candidateFeatures(text: string, list: readonly CandidateScores[], facts: (uri: string) => SkillFacts | undefined): number[][] {
  if (!list.length) return [];
  const textStems = new Set(stems(text));
  const best = { score: -Infinity, sentence: -Infinity, span: -Infinity };
  for (const c of list) {
    best.score = Math.max(best.score, c.score);
    best.sentence = Math.max(best.sentence, c.sentence);
    best.span = Math.max(best.span, c.span);
  }
  const uris = new Set(list.map((c) => c.uri));
  const known = list.map((c) => facts(c.uri));
  // A candidate whose narrower concept is also a candidate is probably the less specific answer.
  const hasNarrower = new Set<string>();
  known.forEach((f, i) => f?.ancestors.forEach((a) => uris.has(a) && a !== list[i]!.uri && hasNarrower.add(a)));
  return list.map((c, rank) => {
    const f = known[rank];
    const labelStems = f ? labelStemsOf(f) : [];
    const evidence = new Set(stems(text.slice(c.evidence.start, c.evidence.end)));
    const prefOverlap = labelStems.length ? overlap(labelStems[0]!, textStems) : 0;
    const labelOverlap = Math.max(0, ...labelStems.map((l) => overlap(l, textStems)));
    const evidenceOverlap = Math.max(0, ...labelStems.map((l) => overlap(l, evidence)));
    const reuse = f?.reuseLevel ?? 'unknown';
    const occupations = (f?.essential ?? 0) + (f?.optional ?? 0);
    const row: Record<FeatureName, number> = {
      score: c.score,
      sentence: c.sentence,
      span: c.span,
      lexical: c.lexical,
      lexical_exact: c.lexical >= 1 ? 1 : 0,
      sentence_x_span: c.sentence * c.span,
      log_rank: Math.log1p(rank),
      is_top: rank === 0 ? 1 : 0,
      gap_score: best.score - c.score,
      gap_sentence: best.sentence - c.sentence,
      gap_span: best.span - c.span,
      from_sentence: c.channels.includes('sentence') ? 1 : 0,
      from_span: c.channels.includes('span') ? 1 : 0,
      label_overlap: labelOverlap,
      pref_overlap: prefOverlap,
      evidence_overlap: evidenceOverlap,
      label_words: Math.min(8, labelStems[0]?.length ?? 0),
      evidence_words: Math.min(8, evidence.size),
      knowledge: f?.skillType === 'knowledge' ? 1 : 0,
      transversal: reuse === 'transversal' ? 1 : 0,
      cross_sector: reuse === 'cross-sector' ? 1 : 0,
      sector_specific: reuse === 'sector-specific' ? 1 : 0,
      occupation_specific: reuse === 'occupation-specific' ? 1 : 0,
      log_alt_labels: Math.log1p(f?.altLabels ?? 0),
      log_essential: Math.log1p(f?.essential ?? 0),
      log_optional: Math.log1p(f?.optional ?? 0),
      no_occupation: f && occupations === 0 ? 1 : 0,
      depth: Math.min(6, f?.depth ?? 0),
      narrower_in_list: hasNarrower.has(c.uri) ? 1 : 0,
      broader_in_list: f && [...f.ancestors].some((a) => uris.has(a) && a !== c.uri) ? 1 : 0,
    };
    return FEATURE_NAMES.map((n) => row[n]);
  });
}
