import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';
import { ConfigError, DataError } from '../../core/errors.js';

/** Versioned SQL migrations shipped with the code (node-pg-migrate, `-- Up Migration` / `-- Down Migration`). */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATIONS_TABLE = 'skillproof_migrations';

/** Hide the password when a connection string appears in a message. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

/** Turn a driver fault into a message that says what was wrong and what to do. */
export function explainPgError(e: unknown, url: string): Error {
  const err = e as { code?: string; message?: string };
  const where = redactUrl(url);
  switch (err.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new ConfigError('database_unreachable', `Cannot reach PostgreSQL at ${where} (${err.code}): check DATABASE_URL and that the server is running.`, { cause: e });
    case '28P01':
    case '28000':
      return new ConfigError('database_auth_failed', `PostgreSQL refused the login for ${where}: check the user and password in DATABASE_URL.`, { cause: e });
    case '3D000':
      return new ConfigError('database_missing', `The database named in DATABASE_URL (${where}) does not exist: create it (createdb) and run \`skillproof store init\`.`, { cause: e });
    case '42P01':
      return new ConfigError('database_not_migrated', `The SkillProof tables are missing in ${where}: run \`skillproof store init\` (or \`skillproof store migrate\`).`, { cause: e });
    default:
      return e instanceof Error ? e : new Error(String(e));
  }
}

export interface PgDatabase {
  readonly url: string;
  readonly pool: pg.Pool;
  /** Run a query, mapping connection and missing-table faults to clear errors. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Run `fn` in one transaction on one connection. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A connection pool for DATABASE_URL. Nothing connects until the first query. */
export function openPgDatabase(url: string, options: { max?: number } = {}): PgDatabase {
  // JIT costs more than it saves on these short queries (≈ 80 ms on the planner's candidate search), and the
  // candidate search sorts tens of thousands of rows: in memory, not on disk.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000, options: '-c jit=off -c work_mem=64MB' });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  return {
    url,
    pool,
    async query(text, values) {
      try {
        return await pool.query(text, values);
      } catch (e) {
        throw explainPgError(e, url);
      }
    },
    async transaction(fn) {
      const client = await pool.connect().catch((e: unknown) => {
        throw explainPgError(e, url);
      });
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw explainPgError(e, url);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Apply every pending migration; returns the names applied (empty when up to date). */
export async function migrateDatabase(db: PgDatabase, log: (line: string) => void = () => undefined): Promise<string[]> {
  await ensureVectorExtension(db);
  const client = await db.pool.connect().catch((e: unknown) => {
    throw explainPgError(e, db.url);
  });
  try {
    const applied = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      migrationsTable: MIGRATIONS_TABLE,
      direction: 'up',
      checkOrder: true,
      advisoryLockMode: 'wait',
      log: () => undefined,
      logger: { debug: () => undefined, info: () => undefined, warn: (m: string) => log(m), error: (m: string) => log(m) },
    });
    return applied.map((m) => m.name);
  } finally {
    client.release();
  }
}

/** Migrations not yet applied to this database (for `store migrate --dry-run` and the startup check). */
export async function pendingMigrations(db: PgDatabase): Promise<string[]> {
  const client = await db.pool.connect().catch((e: unknown) => {
    throw explainPgError(e, db.url);
  });
  try {
    const pending = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      migrationsTable: MIGRATIONS_TABLE,
      direction: 'up',
      dryRun: true,
      noLock: true,
      log: () => undefined,
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    return pending.map((m) => m.name);
  } finally {
    client.release();
  }
}

/** pgvector must be available; a managed server may need an administrator to enable it. */
export async function ensureVectorExtension(db: PgDatabase): Promise<void> {
  const available = await db.query<{ installed: string | null; available: string | null }>(
    `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS installed,
            (SELECT default_version FROM pg_available_extensions WHERE name = 'vector') AS available`,
  );
  const row = available.rows[0]!;
  if (row.installed) return;
  if (!row.available) {
    throw new ConfigError('pgvector_missing', `The pgvector extension is not available on the PostgreSQL server at ${redactUrl(db.url)}: install it (Debian: scripts/install-postgres.sh; managed services: enable "vector") and try again.`);
  }
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS vector');
  } catch (e) {
    throw new ConfigError('pgvector_not_enabled', `pgvector is installed but not enabled in this database, and this user may not enable it: ask an administrator to run CREATE EXTENSION vector; in ${redactUrl(db.url)}.`, { cause: e });
  }
}

/** Read one `store_meta` value. */
export async function readMeta<T>(db: PgDatabase, key: string): Promise<T | undefined> {
  const r = await db.query<{ value: T }>('SELECT value FROM store_meta WHERE key = $1', [key]);
  return r.rows[0]?.value;
}

export async function writeMeta(db: pg.PoolClient, key: string, value: unknown): Promise<void> {
  await db.query(
    `INSERT INTO store_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

/** Refuse a database whose schema is older than this code. */
export async function assertMigrated(db: PgDatabase): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length > 0) {
    throw new DataError('database_not_migrated', `The database at ${redactUrl(db.url)} needs ${pending.length} migration(s) (${pending.join(', ')}): run \`skillproof store migrate\`.`);
  }
}
