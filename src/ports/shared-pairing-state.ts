/** One paired extension: only the token's hash is kept. */
export interface PairingRecord {
  tokenHash: string;
  origin: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * Pairing state shared by several service replicas (a database), so a code shown by one replica can be entered on
 * any of them and a token works everywhere.
 *
 * Contract: times are epoch milliseconds; several codes may wait at once (one per replica); `takeCode` is atomic
 * across replicas (a code pairs once), counts wrong guesses and burns every waiting code after `maxFailures`;
 * `tokens` returns only unexpired records; `codeWaiting` says whether that code is still unused and unexpired.
 */
export interface SharedPairingState {
  publishCode(codeHash: string, expiresAt: number): Promise<void>;
  takeCode(codeHash: string, now: number, maxFailures: number): Promise<boolean>;
  codeWaiting(codeHash: string, now: number): Promise<boolean>;
  addToken(record: PairingRecord): Promise<void>;
  tokens(now: number): Promise<PairingRecord[]>;
}
