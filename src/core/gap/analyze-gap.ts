import type { Importance } from '../analysis.js';
import type { HeldSkill } from '../profile/held-skill.js';
import { ancestorsOf } from '../skill-hierarchy.js';
import type { CoverRelation, Gap, RequirementResult } from './gap-types.js';

/** The part of the Taxonomy port gap analysis needs (ESCO's skill hierarchy and skill–skill relations). */
export interface SkillHierarchy {
  broader(uri: string): readonly string[];
  narrower(uri: string): readonly string[];
  related(uri: string): readonly { uri: string }[];
  label(uri: string): string | undefined;
}

export interface Requirement {
  escoUri: string;
  label: string;
  importance: Importance;
}

export interface GapWeights {
  essential: number;
  optional: number;
  /** Credit when the person holds a broader skill than the one required. */
  broader: number;
  /** Credit when the person holds a skill ESCO relates to the required one. */
  related: number;
}

export const DEFAULT_GAP_WEIGHTS: GapWeights = { essential: 1, optional: 0.5, broader: 0.5, related: 0.5 };
/** How far up the hierarchy a held skill may sit below a requirement and still cover it. */
const MAX_DEPTH = 4;

interface Cover { held: HeldSkill; relation: CoverRelation; credit: number }

/**
 * Compare the skills a posting requires with the skills a person holds. A held skill covers a requirement fully when
 * it is the same concept or a narrower one; a broader or ESCO-related held skill gives partial credit. The score is
 * Σ(weight × coverage) / Σ weight, and every term is returned so anyone can recompute it.
 */
export function analyzeGap(required: readonly Requirement[], held: readonly HeldSkill[], hierarchy: SkillHierarchy, weights: GapWeights = DEFAULT_GAP_WEIGHTS): Gap {
  const reqs = new Map<string, Requirement>();
  for (const r of required) {
    const prev = reqs.get(r.escoUri);
    if (!prev || (prev.importance === 'optional' && r.importance === 'essential')) reqs.set(r.escoUri, r);
  }
  const heldAncestors = held.map((s) => ({ s, up: ancestorsOf(hierarchy, s.escoUri, MAX_DEPTH) }));
  const covers = (r: Requirement): Cover[] => {
    const rUp = ancestorsOf(hierarchy, r.escoUri, 2);
    const rRel = new Set(hierarchy.related(r.escoUri).map((x) => x.uri));
    const out: Cover[] = [];
    for (const { s, up } of heldAncestors) {
      if (s.escoUri === r.escoUri) out.push({ held: s, relation: 'exact', credit: 1 });
      else if (up.has(r.escoUri)) out.push({ held: s, relation: 'narrower', credit: 1 });
      else if (rUp.has(s.escoUri)) out.push({ held: s, relation: 'broader', credit: weights.broader });
      else if (rRel.has(s.escoUri) || hierarchy.related(s.escoUri).some((x) => x.uri === r.escoUri)) out.push({ held: s, relation: 'related', credit: weights.related });
    }
    return out.sort((a, b) => b.credit - a.credit || Number(b.held.verified) - Number(a.held.verified));
  };
  const results: RequirementResult[] = [...reqs.values()].map((r) => {
    const all = covers(r);
    const best = all[0];
    const bestVerified = all.find((c) => c.held.verified);
    const weight = r.importance === 'essential' ? weights.essential : weights.optional;
    const coverage = best?.credit ?? 0;
    return {
      escoUri: r.escoUri,
      label: r.label,
      importance: r.importance,
      weight,
      coverage,
      verifiedCoverage: bestVerified?.credit ?? 0,
      status: coverage >= 1 ? 'covered' : coverage > 0 ? 'partial' : 'missing',
      match: best ? { heldUri: best.held.escoUri, heldLabel: best.held.label, relation: best.relation, verified: best.held.verified, source: best.held.source } : null,
      contribution: weight * coverage,
    };
  });
  const weightSum = results.reduce((s, r) => s + r.weight, 0);
  const covered = results.reduce((s, r) => s + r.contribution, 0);
  const verifiedCovered = results.reduce((s, r) => s + r.weight * r.verifiedCoverage, 0);
  const ref = (r: RequirementResult) => ({ escoUri: r.escoUri, label: r.label, importance: r.importance });
  const notes: string[] = [];
  if (results.length === 0) notes.push('The posting states no skills we could link to ESCO, so there is nothing to compare.');
  if (held.length === 0) notes.push('The profile holds no skills yet: import a CV, a JSON Resume or a skill list.');
  return {
    score: weightSum > 0 ? covered / weightSum : 0,
    verifiedScore: weightSum > 0 ? verifiedCovered / weightSum : 0,
    formula: `score = Σ(weight × coverage) / Σ weight; weight = ${weights.essential} essential, ${weights.optional} optional; coverage = 1 same or narrower held skill, ${weights.broader} broader, ${weights.related} related, 0 none`,
    weights,
    totals: { weightSum, covered, verifiedCovered },
    requirements: results,
    covered: results.filter((r) => r.status === 'covered').map(ref),
    missing: results.filter((r) => r.status !== 'covered').map(ref),
    essentialGap: results.filter((r) => r.importance === 'essential' && r.coverage < 1).map(ref),
    optionalGap: results.filter((r) => r.importance === 'optional' && r.coverage < 1).map(ref),
    notes,
  };
}
