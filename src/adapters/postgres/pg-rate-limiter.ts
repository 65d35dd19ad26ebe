import type { PgDatabase } from './pg-database.js';

export interface PgRateLimitOptions {
  capacity: number;
  refillPerSecond: number;
  now?: () => number;
}

/**
 * Token buckets in PostgreSQL, so a caller's limit holds across replicas. One upsert per request; when the database
 * cannot be reached the request is let through (limits protect the service, they must not take it down).
 */
export function createPgRateLimiter(db: PgDatabase, options: PgRateLimitOptions = { capacity: 120, refillPerSecond: 20 }) {
  const now = options.now ?? (() => Date.now());
  return {
    async take(key: string): Promise<boolean> {
      const refilled = `LEAST($2::float8, b.tokens + GREATEST(0, $3 - b.at_ms) / 1000.0 * $4::float8)`;
      try {
        const r = await db.query<{ last_ok: boolean }>(
          `INSERT INTO rate_bucket AS b (key, tokens, at_ms, last_ok) VALUES ($1, $2::float8 - 1, $3, true)
           ON CONFLICT (key) DO UPDATE SET
             tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
             last_ok = ${refilled} >= 1,
             at_ms = GREATEST(b.at_ms, $3)
           RETURNING last_ok`,
          [key, options.capacity, now(), options.refillPerSecond],
        );
        return r.rows[0]?.last_ok ?? true;
      } catch {
        return true;
      }
    },
  };
}
