import type pg from 'pg';
import type { CredentialEntry } from '../../core/catalog/credential-entry.js';
import { duplicateKeys } from '../../core/catalog/dedupe-entries.js';
import { mergeEntries } from '../../core/catalog/merge-entries.js';
import type { CandidateQuery, CredentialCatalog, SkillLookupOptions, UpsertResult } from '../../ports/credential-catalog.js';
import type { PgDatabase } from './pg-database.js';
import { pgPlanCandidates } from './pg-plan-candidates.js';

/** Imports from several replicas or CLI runs merge one at a time (same key as the bulk loader). */
export const CATALOG_LOCK = 7_410_001;

/** The planner's columns, derived from the entry (kept in step with it on every write). */
export function credentialColumns(e: CredentialEntry) {
  return {
    cost_amount: e.cost?.amount ?? null,
    cost_currency: e.cost?.currency ?? null,
    cost_free: e.cost?.free ?? null,
    hours: e.workload.hours,
    ects: e.workload.ects,
    eqf_level: e.eqfLevel,
    mode: e.mode,
    languages: e.languages,
    verifiable: e.verifiableFormat === 'ob3' || e.verifiableFormat === 'edc',
    stackable: e.stackableInto.length > 0,
    // The planner's integer hours (prepareCandidates: hours, else ECTS × 25, else 40).
    hours_tenths: Math.round((e.workload.hours ?? (e.workload.ects !== null ? e.workload.ects * 25 : null) ?? 40) * 10),
  };
}

/** The planner's columns copied onto a credential's skill links (see migration 0004). */
export const LINK_PLAN_COLUMNS = ['cost_amount', 'cost_currency', 'cost_free', 'hours_tenths', 'stackable', 'eqf_level', 'mode', 'verifiable'] as const;

async function skillIds(client: pg.PoolClient, uris: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(uris)];
  if (unique.length === 0) return new Map();
  await client.query('INSERT INTO skill_ref (uri) SELECT unnest($1::text[]) ON CONFLICT (uri) DO NOTHING', [unique]);
  const r = await client.query<{ id: number; uri: string }>('SELECT id, uri FROM skill_ref WHERE uri = ANY($1)', [unique]);
  return new Map(r.rows.map((x) => [x.uri, x.id]));
}

/**
 * The credential catalogue in PostgreSQL: one row per entry (JSON plus planner columns) and an interned
 * skill → credential link table, so a skill lookup is an index range scan even with millions of entries.
 */
export class PgCredentialCatalog implements CredentialCatalog {
  constructor(private readonly db: PgDatabase) {}

  async get(id: string): Promise<CredentialEntry | undefined> {
    const r = await this.db.query<{ entry: CredentialEntry }>('SELECT entry FROM credential WHERE id = $1', [id]);
    return r.rows[0]?.entry;
  }

  async lookupBySkills(uris: readonly string[], options: SkillLookupOptions = {}): Promise<CredentialEntry[]> {
    if (uris.length === 0) return [];
    const r = await this.db.query<{ entry: CredentialEntry }>(
      `SELECT c.entry FROM credential c
        WHERE c.seq IN (SELECT cs.credential_seq FROM credential_skill cs JOIN skill_ref s ON s.id = cs.skill_id
                         WHERE s.uri = ANY($1) AND (cs.declared OR cs.confidence >= $2))`,
      [[...new Set(uris)], options.minConfidence ?? 0],
    );
    return r.rows.map((x) => x.entry);
  }

  /** The planner's candidate search pushed into SQL (filters and Pareto front per closed-skill set). */
  planCandidates(query: CandidateQuery): Promise<CredentialEntry[]> {
    return pgPlanCandidates(this.db, query);
  }

  async list(options: { offset?: number; limit?: number } = {}): Promise<CredentialEntry[]> {
    const r = await this.db.query<{ entry: CredentialEntry }>('SELECT entry FROM credential ORDER BY id COLLATE "C" OFFSET $1 LIMIT $2', [
      options.offset ?? 0,
      options.limit ?? null,
    ]);
    return r.rows.map((x) => x.entry);
  }

  async count(): Promise<number> {
    const r = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM credential');
    return Number(r.rows[0]!.n);
  }

  async upsert(entries: readonly CredentialEntry[]): Promise<UpsertResult> {
    if (entries.length === 0) return { inserted: 0, merged: 0, ids: [] };
    return this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [CATALOG_LOCK]);
      let inserted = 0;
      let merged = 0;
      const ids: string[] = [];
      for (const entry of entries) {
        const keys = duplicateKeys(entry);
        const found = await client.query<{ seq: string; id: string; entry: CredentialEntry; dup_keys: string[] }>(
          'SELECT seq, id, entry, dup_keys FROM credential WHERE dup_keys && $1',
          [keys],
        );
        // Same preference as the embedded catalogue: the first of the entry's keys that is already known.
        const prev = keys.map((k) => found.rows.find((row) => row.dup_keys.includes(k))).find((row) => row !== undefined);
        const next = prev ? mergeEntries(prev.entry, entry) : entry;
        const allKeys = [...new Set([...(prev?.dup_keys ?? []), ...keys, ...duplicateKeys(next)])];
        const cols = credentialColumns(next);
        const values = [next.id, JSON.stringify(next), allKeys, cols.cost_amount, cols.cost_currency, cols.cost_free, cols.hours, cols.ects, cols.eqf_level, cols.mode, cols.languages, cols.verifiable, cols.stackable];
        let seq: string;
        if (prev) {
          const u = await client.query<{ seq: string }>(
            `UPDATE credential SET id = $1, entry = $2, dup_keys = $3, cost_amount = $4, cost_currency = $5, cost_free = $6, hours = $7,
                    ects = $8, eqf_level = $9, mode = $10, languages = $11, verifiable = $12, stackable = $13
              WHERE seq = $14 RETURNING seq`,
            [...values, prev.seq],
          );
          seq = u.rows[0]!.seq;
          await client.query('DELETE FROM credential_skill WHERE credential_seq = $1', [seq]);
          merged++;
        } else {
          const i = await client.query<{ seq: string }>(
            `INSERT INTO credential (id, entry, dup_keys, cost_amount, cost_currency, cost_free, hours, ects, eqf_level, mode, languages, verifiable, stackable)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING seq`,
            values,
          );
          seq = i.rows[0]!.seq;
          inserted++;
        }
        const sid = await skillIds(client, next.skills.map((s) => s.uri));
        const bySkill = new Map(next.skills.map((s) => [sid.get(s.uri)!, s]));
        if (bySkill.size) {
          await client.query(
            `INSERT INTO credential_skill (skill_id, credential_seq, declared, confidence, ${LINK_PLAN_COLUMNS.join(', ')})
             SELECT unnest($1::int[]), $2, unnest($3::bool[]), unnest($4::real[]), $5, $6, $7, $8, $9, $10, $11, $12`,
            [
              [...bySkill.keys()],
              seq,
              [...bySkill.values()].map((s) => s.provenance === 'declared'),
              [...bySkill.values()].map((s) => s.confidence),
              ...LINK_PLAN_COLUMNS.map((k) => cols[k]),
            ],
          );
        }
        ids.push(next.id);
      }
      return { inserted, merged, ids };
    });
  }
}
