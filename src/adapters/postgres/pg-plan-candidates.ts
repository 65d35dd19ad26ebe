import type { CredentialEntry } from '../../core/catalog/credential-entry.js';
import type { CandidateQuery } from '../../ports/credential-catalog.js';
import type { PgDatabase } from './pg-database.js';

/**
 * The planner's candidate search in one SQL statement: skill links of the gap (with narrower skills) → credentials,
 * the per-entry constraints of prepareCandidates, prices and hours on the planner's integer scale, then a Pareto
 * front per set of closed gap skills (window over cost, hours, stackability). Only that front leaves the database.
 * Rounding mirrors the planner's Math.round (floor(x + 0.5)), not PostgreSQL's round-half-even.
 */
export async function pgPlanCandidates(db: PgDatabase, q: CandidateQuery): Promise<CredentialEntry[]> {
  const uris: string[] = [];
  const gaps: number[] = [];
  for (const [uri, owners] of q.owners) {
    for (const g of owners) {
      uris.push(uri);
      gaps.push(g);
    }
  }
  if (uris.length === 0) return [];
  const c = q.constraints;
  const currencies = Object.keys(q.rates);
  const values: unknown[] = [uris, gaps, q.minConfidence, currencies, currencies.map((k) => q.rates[k]!), q.rates[c.currency] ?? null];
  const param = (v: unknown) => `$${values.push(v)}`;
  let strictParam: string | null = null;
  const strict = () => (strictParam ??= `${param(c.strict)}::boolean`);
  // Filters on the link columns (h.*); language and provider constraints need the credential row (c.*).
  const filters: string[] = [];
  let needsCredential = false;
  if (c.verifiableOnly) filters.push('h.verifiable');
  if (c.eqfLevel !== undefined) filters.push(`(h.eqf_level IS NULL AND NOT ${strict()} OR h.eqf_level = ${param(c.eqfLevel)})`);
  if (c.maxEqfLevel !== undefined) filters.push(`(h.eqf_level IS NULL AND NOT ${strict()} OR h.eqf_level <= ${param(c.maxEqfLevel)})`);
  if (c.mode) filters.push(`(h.mode IS NULL AND NOT ${strict()} OR h.mode = ${param(c.mode)})`);
  if (!c.includeUnpriced) filters.push('h.cost_free IS NOT NULL');
  if (c.language) {
    needsCredential = true;
    filters.push(`(cardinality(c.languages) = 0 AND NOT ${strict()} OR ${param(c.language)} = ANY (c.languages))`);
  }
  const who = `(SELECT array_agg(lower(trim(w))) FROM unnest(ARRAY[COALESCE(c.entry->>'provider', '')] || ARRAY(SELECT jsonb_array_elements_text(c.entry->'awardingBody'))) w WHERE trim(w) <> '')`;
  const anyMatch = (list: string[]) => `EXISTS (SELECT 1 FROM unnest(COALESCE(${who}, '{}')) w, unnest(${param(list.map((s) => s.trim().toLowerCase()))}::text[]) o WHERE strpos(w, o) > 0)`;
  if (c.providers) {
    needsCredential = true;
    filters.push(anyMatch(c.providers));
  }
  if (c.excludeProviders) {
    needsCredential = true;
    filters.push(`NOT ${anyMatch(c.excludeProviders)}`);
  }
  const sql = `
    WITH req AS (
      SELECT s.id AS skill_id, p.gap FROM unnest($1::text[], $2::int[]) AS p(uri, gap) JOIN skill_ref s ON s.uri = p.uri
    ), held AS (
      -- The plan columns are the same on every link of a credential: any aggregate picks them.
      SELECT cs.credential_seq AS seq, array_agg(DISTINCT r.gap ORDER BY r.gap) AS covers,
             min(cs.cost_amount) AS cost_amount, min(cs.cost_currency) AS cost_currency, bool_or(cs.cost_free) AS cost_free,
             min(cs.hours_tenths) AS hours_tenths, bool_or(cs.stackable) AS stackable, min(cs.eqf_level) AS eqf_level,
             min(cs.mode) AS mode, bool_or(cs.verifiable) AS verifiable
        FROM credential_skill cs JOIN req r ON r.skill_id = cs.skill_id
       WHERE cs.declared OR cs.confidence >= $3
       GROUP BY cs.credential_seq
    ), cand AS (
      SELECT h.seq, h.covers, h.stackable, h.hours_tenths,
             CASE WHEN h.cost_free IS NULL THEN 0
                  WHEN h.cost_free THEN 0
                  ELSE floor((h.cost_amount * rf.rate) / $6 * 100 + 0.5) END AS cost_cents
        FROM held h
        ${needsCredential ? 'JOIN credential c ON c.seq = h.seq' : ''}
        LEFT JOIN unnest($4::text[], $5::float8[]) AS rf(cur, rate) ON rf.cur = h.cost_currency
       WHERE ${filters.length ? filters.join(' AND ') : 'true'}
    ), priced AS (
      SELECT * FROM cand WHERE cost_cents IS NOT NULL
    ), ranked AS (
      SELECT seq, stackable, hours_tenths,
             min(hours_tenths) OVER w AS best_any,
             min(CASE WHEN stackable THEN hours_tenths END) OVER w AS best_stackable
        FROM priced
      WINDOW w AS (PARTITION BY covers ORDER BY cost_cents, hours_tenths, stackable DESC GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    )
    SELECT c.entry FROM ranked r JOIN credential c ON c.seq = r.seq
     WHERE NOT COALESCE(CASE WHEN r.stackable THEN r.best_stackable <= r.hours_tenths ELSE r.best_any <= r.hours_tenths END, false)`;
  const r = await db.query<{ entry: CredentialEntry }>(sql, values);
  return r.rows.map((x) => x.entry);
}
