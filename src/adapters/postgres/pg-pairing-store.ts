import type { PairingRecord, SharedPairingState } from '../../ports/shared-pairing-state.js';
import type { PgDatabase } from './pg-database.js';

/** Pairing codes and token hashes in PostgreSQL, shared by every replica. */
export class PgPairingStore implements SharedPairingState {
  constructor(private readonly db: PgDatabase) {}

  async publishCode(codeHash: string, expiresAt: number): Promise<void> {
    await this.db.query(
      `INSERT INTO pairing_code (slot, code_hash, expires_at, failures) VALUES (1, $1, $2, 0)
       ON CONFLICT (slot) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, failures = 0`,
      [codeHash, expiresAt],
    );
  }

  async takeCode(codeHash: string, now: number, maxFailures: number): Promise<boolean> {
    // One statement: the row lock makes "use once" hold across replicas.
    const r = await this.db.query<{ ok: boolean }>(
      `UPDATE pairing_code SET
         code_hash = CASE WHEN code_hash = $1 AND expires_at > $2 THEN NULL
                          WHEN failures + 1 >= $3 THEN NULL ELSE code_hash END,
         failures = CASE WHEN code_hash = $1 AND expires_at > $2 THEN 0 ELSE failures + 1 END
       WHERE slot = 1
       RETURNING (failures = 0 AND code_hash IS NULL AND expires_at > $2) AS ok`,
      [codeHash, now, maxFailures],
    );
    // RETURNING sees the new row: failures reset to 0 and hash cleared only on success (a burn leaves failures > 0).
    return r.rows[0]?.ok === true;
  }

  async codeWaiting(now: number): Promise<boolean> {
    const r = await this.db.query('SELECT 1 FROM pairing_code WHERE slot = 1 AND code_hash IS NOT NULL AND expires_at > $1', [now]);
    return (r.rowCount ?? 0) > 0;
  }

  async addToken(record: PairingRecord): Promise<void> {
    await this.db.query('DELETE FROM pairing_token WHERE expires_at <= $1', [record.createdAt]);
    await this.db.query('INSERT INTO pairing_token (token_hash, origin, created_at, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      record.tokenHash,
      record.origin,
      record.createdAt,
      record.expiresAt,
    ]);
  }

  async tokens(now: number): Promise<PairingRecord[]> {
    const r = await this.db.query<{ token_hash: string; origin: string; created_at: string; expires_at: string }>(
      'SELECT token_hash, origin, created_at, expires_at FROM pairing_token WHERE expires_at > $1',
      [now],
    );
    return r.rows.map((x) => ({ tokenHash: x.token_hash, origin: x.origin, createdAt: Number(x.created_at), expiresAt: Number(x.expires_at) }));
  }
}
