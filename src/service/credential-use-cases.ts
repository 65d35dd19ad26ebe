import type { PostingAnalysis } from '../core/analysis.js';
import type { ParsedCatalog } from '../core/catalog/parsed-catalog.js';
import type { LinkHit } from '../core/catalog/resolve-skill-texts.js';
import type { CoverSolver } from '../core/plan/cover-solver.js';
import type { Profile } from '../core/profile/profile.js';
import type { CredentialCatalog } from '../ports/credential-catalog.js';
import type { ProfileStore } from '../ports/profile-store.js';
import type { Taxonomy } from '../ports/taxonomy.js';
import { describeEntry, type EntryDescription } from './describe-entry.js';
import { gap, type GapInput, type GapReport } from './gap.js';
import { importCatalog, type ImportCatalogInput, type ImportProgress, type ImportReport } from './import-catalog.js';
import { planCredentials, type PlanReport, type PlanRequest } from './plan-credentials.js';
import type { AnalyzeInput } from './service-types.js';
import { updateProfile, type UpdateProfileInput, type UpdateProfileResult } from './update-profile.js';

export interface CredentialUseCaseDeps {
  catalog: CredentialCatalog;
  profileStore: ProfileStore;
  solver: CoverSolver | null;
  readSources: (paths: readonly string[]) => Promise<ParsedCatalog[]>;
  pdfText?: (bytes: Uint8Array) => Promise<string>;
  /** Loaded lazily: only gap and plan need the hierarchy. */
  taxonomy: () => Promise<Taxonomy>;
  /** Free text → ESCO hits (SkillProofService.linkTexts with k = 1). */
  linkTexts: (texts: readonly string[]) => Promise<LinkHit[][]>;
  analyze?: (input: AnalyzeInput) => Promise<PostingAnalysis>;
  /** Skills from CV prose (optional; the posting pipeline on CV text). */
  extractSkills?: (text: string) => Promise<{ uri: string; label: string; score: number; evidence: string | null }[]>;
}

/** Profiles, gap, plan and catalogue import, as the front ends call them. */
export interface CredentialUseCases {
  gap(input: GapInput): Promise<GapReport>;
  plan(input: PlanRequest): Promise<PlanReport>;
  importCatalog(input: ImportCatalogInput, onProgress?: ImportProgress): Promise<ImportReport>;
  updateProfile(input: UpdateProfileInput): Promise<UpdateProfileResult>;
  getProfile(): Promise<Profile | null>;
  catalogCount(): Promise<number>;
  catalogEntry(id: string): Promise<EntryDescription>;
}

/** Bind the use cases to their ports once (createService calls this with the embedded adapters). */
export function bindCredentialUseCases(deps: CredentialUseCaseDeps): CredentialUseCases {
  const gapDeps = async () => ({ hierarchy: await deps.taxonomy(), analyze: deps.analyze, profileStore: deps.profileStore });
  return {
    gap: async (input) => gap(input, await gapDeps()),
    plan: async (input) => planCredentials(input, { ...(await gapDeps()), catalog: deps.catalog, solver: deps.solver }),
    importCatalog: async (input, onProgress) => {
      const tax = await deps.taxonomy().catch(() => null);
      return importCatalog(input, { catalog: deps.catalog, readSources: deps.readSources, linkTexts: deps.linkTexts, isKnownSkill: tax ? (u) => tax.skill(u) !== undefined : undefined }, onProgress);
    },
    updateProfile: async (input) => {
      const tax = await deps.taxonomy().catch(() => null);
      return updateProfile(input, { store: deps.profileStore, linkTexts: deps.linkTexts, extractSkills: deps.extractSkills, pdfText: deps.pdfText, labelOf: tax ? (u) => tax.label(u) : undefined });
    },
    getProfile: () => deps.profileStore.load(),
    catalogCount: () => deps.catalog.count(),
    catalogEntry: (id) => describeEntry(id, deps.catalog),
  };
}
