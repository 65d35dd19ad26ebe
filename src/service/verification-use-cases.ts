import type { SkillHierarchy } from '../core/match/match-candidate.js';
import type { Verification } from '../core/verify/verification.js';
import { matchCandidate, type MatchCandidateInput, type MatchCandidateResult } from './match-candidate.js';
import { verifyCredential, type VerifyDeps, type VerifyInput } from './verify-credential.js';

export interface VerificationUseCases {
  /** Verify one credential; never throws for a bad credential (see Verification.outcome). */
  verify(input: VerifyInput): Promise<Verification>;
  /** Verify a candidate's credentials and match them against a posting analysis. */
  matchCandidate(input: MatchCandidateInput): Promise<MatchCandidateResult>;
}

/**
 * The verify and matchCandidate use cases over injected adapters, ready to spread into the service.
 * `hierarchy` may be lazy (the taxonomy loads on first use); `verify` skips text linking unless `linkOnVerify`.
 * @example createVerificationUseCases({ ...createVerificationAdapters({ fetcher }), linkTexts, hierarchy: () => service.taxonomy() })
 */
export function createVerificationUseCases(
  deps: VerifyDeps & { hierarchy?: SkillHierarchy | (() => Promise<SkillHierarchy>); linkOnVerify?: boolean },
): VerificationUseCases {
  const { hierarchy, linkOnVerify, ...verifyDeps } = deps;
  const plain: VerifyDeps = linkOnVerify ? verifyDeps : { ...verifyDeps, linkTexts: undefined };
  return {
    verify: (input) => verifyCredential(input, plain),
    matchCandidate: async (input) => {
      const resolved = typeof hierarchy === 'function' ? await hierarchy() : hierarchy;
      return matchCandidate(input, { ...verifyDeps, hierarchy: resolved });
    },
  };
}
