import type { PostingAnalysis } from '../core/analysis.js';
import { matchCandidate as buildMatrix, type MatchMatrix, type SkillHierarchy } from '../core/match/match-candidate.js';
import type { Verification } from '../core/verify/verification.js';
import { verifyCredential, type VerifyDeps, type VerifyInput } from './verify-credential.js';

export interface MatchCandidateInput {
  posting: PostingAnalysis;
  credentials: (VerifyInput & { label: string })[];
  /** Also count the inferred occupation's unstated essential skills as requirements. */
  includeImplied?: boolean;
}

export interface MatchCandidateResult {
  matrix: MatchMatrix;
  verifications: Verification[];
}

/**
 * Verify each credential, then lay the posting's requirements against what the verified ones evidence.
 * `hierarchy` (the ESCO taxonomy) lets a narrower held skill cover a broader requirement.
 */
export async function matchCandidate(input: MatchCandidateInput, deps: VerifyDeps & { hierarchy?: SkillHierarchy }): Promise<MatchCandidateResult> {
  const verifications: Verification[] = [];
  // One status-list fetch per list for the whole candidate, not one per credential.
  const shared: VerifyDeps = { ...deps, statusCache: deps.statusCache ?? new Map() };
  for (const { label: _label, ...credential } of input.credentials) verifications.push(await verifyCredential(credential, shared));
  const requirements = [
    ...input.posting.skills.map((s) => ({ escoUri: s.escoUri, label: s.label, importance: s.importance })),
    ...(input.includeImplied ? input.posting.implied.map((s) => ({ escoUri: s.escoUri, label: `${s.label} (implied)`, importance: 'optional' as const })) : []),
  ];
  const matrix = buildMatrix(
    requirements,
    verifications.map((verification, i) => ({ label: input.credentials[i]!.label, verification })),
    deps.hierarchy,
  );
  return { matrix, verifications };
}
