import type { CredentialEntry } from '../core/catalog/credential-entry.js';
import type { PlanConstraints } from '../core/plan/plan-types.js';

export interface UpsertResult {
  /** Entries that were new. */
  inserted: number;
  /** Entries merged into one already stored (same id or same duplicate key). */
  merged: number;
  /** Stored ids, one per input entry, in input order. */
  ids: string[];
}

export interface SkillLookupOptions {
  /** Ignore inferred skills below this confidence (declared skills always count). Default 0. */
  minConfidence?: number;
}

/** What the planner asks a large catalogue for (see `CredentialCatalog.planCandidates`). */
export interface CandidateQuery {
  /** Catalogue skill URI → the gap skills (indices) a credential teaching it closes (the gap plus narrower skills). */
  owners: ReadonlyMap<string, readonly number[]>;
  minConfidence: number;
  constraints: PlanConstraints;
  /** Rates to EUR per currency, for comparing prices (the planner's own table). */
  rates: Readonly<Record<string, number>>;
}

/**
 * The credential catalogue: courses, certificates and badges on offer, indexed by the ESCO skills they teach.
 *
 * Contract:
 * - Every method is async, so a database adapter can stand in for the embedded one.
 * - Entries are `CredentialEntry` values, already validated; ids are stable across imports.
 * - `lookupBySkills(uris)` returns each entry holding at least one of the URIs once, with no order promised;
 *   unknown URIs simply match nothing.
 * - `upsert` merges an entry into a stored one with the same id, the same URL or the same duplicate key (`entryKey`: title,
 *   awarding body or provider, type), using `mergeEntries`; it persists before resolving.
 * - `list` pages in a stable order (by id); `count` is the number of distinct entries.
 */
export interface CredentialCatalog {
  get(id: string): Promise<CredentialEntry | undefined>;
  lookupBySkills(uris: readonly string[], options?: SkillLookupOptions): Promise<CredentialEntry[]>;
  list(options?: { offset?: number; limit?: number }): Promise<CredentialEntry[]>;
  count(): Promise<number>;
  upsert(entries: readonly CredentialEntry[]): Promise<UpsertResult>;
  /**
   * Optional, for catalogues too large to hand every matching entry to the planner: the entries of
   * `lookupBySkills(owners' URIs)` that pass the per-entry constraints (as prepareCandidates applies them) and are
   * not beaten outright (dearer or equal, longer or equal, no more stackable, not an exact tie) by another entry
   * closing exactly the same gap skills. Planning on this subset gives the same plan as on the full lookup.
   */
  planCandidates?(query: CandidateQuery): Promise<CredentialEntry[]>;
}
