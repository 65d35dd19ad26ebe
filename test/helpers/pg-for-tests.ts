/**
 * One throw-away PostgreSQL cluster per test file (call at top level with `await`). When it cannot start, suites
 * register a skipped test whose name carries the reason, and the reason is printed: never a silent skip.
 */
import { afterAll, it } from 'vitest';
import { startPgCluster, type PgCluster } from './pg-cluster.js';

export type PgForTests = { ok: true; cluster: PgCluster; database(name: string): Promise<string> } | { ok: false; reason: string };

export async function pgForTests(): Promise<PgForTests> {
  const started = process.env.SKILLPROOF_TEST_POSTGRES === '0' ? { ok: false as const, reason: 'SKILLPROOF_TEST_POSTGRES=0' } : await startPgCluster();
  if (!started.ok) {
    // Straight to stderr: vitest would hold back console output of a file whose tests are all skipped.
    process.stderr.write(`\n[postgres] PostgreSQL adapter tests SKIPPED: ${started.reason}\n`);
    return started;
  }
  const { cluster } = started;
  afterAll(() => cluster.stop());
  let n = 0;
  return { ok: true, cluster, database: (name) => cluster.createDatabase(`${name}_${++n}`) };
}

/** Register a visibly skipped test naming why the PostgreSQL suite did not run. */
export function skipPostgres(reason: string): void {
  it.skip(`PostgreSQL adapters not tested: ${reason}`, () => undefined);
}
