import type { Importance, SkillMatch } from '../analysis.js';
import { ancestorsOf } from '../skill-hierarchy.js';
import type { Verification } from '../verify/verification.js';
import type { CellStatus, CoverageCount, MatchCell, MatchMatrix, MatchRow } from './match-matrix.js';

export type { CellStatus, CoverageCount, MatchCell, MatchMatrix, MatchRow } from './match-matrix.js';

/** The part of a taxonomy the matrix needs (the Taxonomy port satisfies it). */
export interface SkillHierarchy {
  broader(uri: string): readonly string[];
}

export interface CandidateCredential {
  /** How the recruiter refers to it: file name, URL. */
  label: string;
  verification: Verification;
}

const RANK: Record<CellStatus, number> = { verified: 3, unverifiable: 2, invalid: 1, none: 0 };

/** CLR credentials contribute each nested credential as its own column. */
function flatten(credentials: readonly CandidateCredential[]): CandidateCredential[] {
  return credentials.flatMap((c) => [c, ...c.verification.nested.map((n, i) => ({ label: `${c.label} › ${n.title ?? `credential ${i + 1}`}`, verification: n }))]);
}

function coverage(rows: MatchRow[], importance: Importance): CoverageCount {
  const wanted = rows.filter((r) => r.requirement.importance === importance);
  const verified = wanted.filter((r) => r.best === 'verified').length;
  return { total: wanted.length, verified, ratio: wanted.length ? verified / wanted.length : 0 };
}

/**
 * Posting requirements × a candidate's credentials: which credential evidences which requirement, and how far that
 * evidence can be trusted (its verification outcome). Only verified evidence counts towards coverage. A held skill
 * narrower than a requirement covers it (ESCO hierarchy via `hierarchy`).
 */
export function matchCandidate(
  requirements: readonly Pick<SkillMatch, 'escoUri' | 'label' | 'importance'>[],
  credentials: readonly CandidateCredential[],
  hierarchy?: SkillHierarchy,
  options: { maxDepth?: number } = {},
): MatchMatrix {
  const maxDepth = options.maxDepth ?? 3;
  const columns = flatten(credentials);
  const held = columns.map((c) =>
    c.verification.skills.filter((s) => s.uri).map((s) => ({ skill: s, above: hierarchy ? ancestorsOf(hierarchy, s.uri!, maxDepth) : new Set<string>() })),
  );
  const byUri = new Map<string, MatchRow['requirement']>();
  for (const r of requirements) {
    const seen = byUri.get(r.escoUri);
    if (!seen) byUri.set(r.escoUri, { escoUri: r.escoUri, label: r.label, importance: r.importance });
    else if (r.importance === 'essential') seen.importance = 'essential';
  }
  const rows: MatchRow[] = [...byUri.values()].map((requirement) => {
    const cells = columns.map((c, i): MatchCell => {
      const exact = held[i]!.find((h) => h.skill.uri === requirement.escoUri);
      const narrower = exact ? undefined : held[i]!.find((h) => h.above.has(requirement.escoUri));
      const hit = exact ?? narrower;
      if (!hit) return { status: 'none', via: null, evidence: null };
      return {
        status: c.verification.outcome,
        via: exact ? 'exact' : 'narrower',
        evidence: { uri: hit.skill.uri, text: hit.skill.text, provenance: hit.skill.provenance },
      };
    });
    const best = cells.reduce<CellStatus>((b, c) => (RANK[c.status] > RANK[b] ? c.status : b), 'none');
    return { requirement, cells, best };
  });
  rows.sort((a, b) => Number(b.requirement.importance === 'essential') - Number(a.requirement.importance === 'essential'));
  const notes: string[] = [];
  if (!hierarchy) notes.push('No skill hierarchy was given: only exact ESCO matches count.');
  const unlinked = columns.filter((c) => c.verification.skills.length > 0 && c.verification.skills.every((s) => !s.uri));
  if (unlinked.length) notes.push(`${unlinked.length} credential(s) name skills only in words that were not linked to ESCO.`);
  return {
    columns: columns.map((c) => ({
      label: c.label,
      title: c.verification.title,
      outcome: c.verification.outcome,
      format: c.verification.format,
      issuer: c.verification.issuer.name ?? c.verification.issuer.id,
      trusted: c.verification.issuer.trusted,
    })),
    rows,
    coverage: { essential: coverage(rows, 'essential'), optional: coverage(rows, 'optional') },
    essentialGaps: rows.filter((r) => r.requirement.importance === 'essential' && r.best !== 'verified').map((r) => r.requirement.label),
    notes,
  };
}
