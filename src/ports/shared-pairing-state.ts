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
 * Contract: times are epoch milliseconds; `takeCode` is atomic across replicas (a code pairs once), counts wrong
 * guesses and burns the code after `maxFailures`; `tokens` returns only unexpired records; `codeWaiting` says
 * whether an unused, unexpired code exists.
 */
export interface SharedPairingState {
  publishCode(codeHash: string, expiresAt: number): Promise<void>;
  takeCode(codeHash: string, now: number, maxFailures: number): Promise<boolean>;
  codeWaiting(now: number): Promise<boolean>;
  addToken(record: PairingRecord): Promise<void>;
  tokens(now: number): Promise<PairingRecord[]>;
}
