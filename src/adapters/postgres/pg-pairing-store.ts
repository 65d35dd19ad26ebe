import type { PairingRecord, SharedPairingState } from '../../ports/shared-pairing-state.js';
import type { PgDatabase } from './pg-database.js';

/** Pairing codes and token hashes in PostgreSQL, shared by every replica. */
export class PgPairingStore implements SharedPairingState {
  constructor(private readonly db: PgDatabase) {}

  async publishCode(codeHash: string, expiresAt: number): Promise<void> {
    await this.db.query('DELETE FROM pairing_code WHERE expires_at <= $1', [Date.now()]);
    await this.db.query('INSERT INTO pairing_code (code_hash, expires_at) VALUES ($1, $2) ON CONFLICT (code_hash) DO UPDATE SET expires_at = EXCLUDED.expires_at', [codeHash, expiresAt]);
    await this.db.query('INSERT INTO pairing_guard (slot, failures) VALUES (1, 0) ON CONFLICT (slot) DO UPDATE SET failures = 0');
  }

  async takeCode(codeHash: string, now: number, maxFailures: number): Promise<boolean> {
    return this.db.transaction(async (client) => {
      // DELETE … RETURNING is the "use once": two replicas cannot both get the row.
      const taken = await client.query('DELETE FROM pairing_code WHERE code_hash = $1 AND expires_at > $2 RETURNING 1', [codeHash, now]);
      if ((taken.rowCount ?? 0) > 0) return true;
      const guard = await client.query<{ failures: number }>(
        'INSERT INTO pairing_guard (slot, failures) VALUES (1, 1) ON CONFLICT (slot) DO UPDATE SET failures = pairing_guard.failures + 1 RETURNING failures',
      );
      // Guessing is hopeless: ten wrong tries burn every waiting code.
      if (guard.rows[0]!.failures >= maxFailures) await client.query('DELETE FROM pairing_code');
      return false;
    });
  }

  async codeWaiting(codeHash: string, now: number): Promise<boolean> {
    const r = await this.db.query('SELECT 1 FROM pairing_code WHERE code_hash = $1 AND expires_at > $2', [codeHash, now]);
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
