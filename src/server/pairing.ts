import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { PairingRecord, SharedPairingState } from '../ports/shared-pairing-state.js';
import { JsonFileStore } from './json-file-store.js';

/** Extension origins only: Chrome extension ids are 32 letters a–p. */
export const EXTENSION_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;

export type PairResult = { ok: true; token: string; expiresAt: number } | { ok: false; code: string; message: string };

export interface PairingOptions {
  dataDir: string;
  codeTtlMs?: number;
  tokenTtlMs?: number;
  now?: () => number;
  /** Pairing state shared with other replicas (a database); without it, pairings live in `dataDir`. */
  shared?: SharedPairingState | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * One-time pairing codes exchanged for bearer tokens bound to one extension origin. Only token hashes are kept,
 * in `<dataDir>/pairing/pairings.json`, written atomically so a restart keeps the pairing.
 */
export class Pairing {
  private readonly store: JsonFileStore;
  private readonly now: () => number;
  private records: PairingRecord[];
  private current: { code: string; expiresAt: number } | null = null;
  private failures = 0;
  private refreshedAt = -Infinity;
  private publishing: Promise<void> = Promise.resolve();

  constructor(private readonly options: PairingOptions) {
    this.store = new JsonFileStore(`${options.dataDir}/pairing`);
    this.now = options.now ?? (() => Date.now());
    this.records = this.store.read<{ pairings: PairingRecord[] }>('pairings')?.pairings ?? [];
  }

  /** Make a fresh one-time code (8 digits, shown to the user), replacing any unused one. */
  issueCode(): string {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    this.failures = 0;
    this.current = { code, expiresAt: this.now() + (this.options.codeTtlMs ?? 10 * 60_000) };
    // Published so any replica accepts it; pair() on a replica waits for the shared state, not for this write.
    this.publishing = this.options.shared?.publishCode(sha256(code), this.current.expiresAt).catch(() => undefined) ?? Promise.resolve();
    return code;
  }

  /** True while an unused, unexpired code is waiting to be entered. */
  hasValidCode(): boolean {
    return this.current !== null && this.current.expiresAt > this.now();
  }

  /** Exchange the code for a token; the code works once (across replicas when the state is shared). */
  pair(code: string, origin: string): PairResult | Promise<PairResult> {
    if (this.options.shared) return this.pairShared(this.options.shared, code, origin);
    if (!EXTENSION_ORIGIN.test(origin)) return { ok: false, code: 'origin_not_allowed', message: 'Only the SkillProof browser extension can pair.' };
    const cur = this.current;
    const valid =
      cur !== null && cur.expiresAt > this.now() && code.length === cur.code.length && timingSafeEqual(Buffer.from(code), Buffer.from(cur.code));
    if (!valid) {
      // Guessing is hopeless: ten wrong tries burn the code.
      if (++this.failures >= 10) this.current = null;
      return { ok: false, code: 'invalid_pairing_code', message: 'The pairing code is wrong or expired; restart the server for a new one.' };
    }
    this.current = null;
    this.failures = 0;
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const record = { tokenHash: sha256(token), origin, createdAt, expiresAt: createdAt + (this.options.tokenTtlMs ?? 180 * 86_400_000) };
    this.records = [...this.records.filter((r) => r.expiresAt > createdAt), record];
    this.store.write('pairings', { pairings: this.records });
    return { ok: true, token, expiresAt: record.expiresAt };
  }

  private async pairShared(shared: SharedPairingState, code: string, origin: string): Promise<PairResult> {
    if (!EXTENSION_ORIGIN.test(origin)) return { ok: false, code: 'origin_not_allowed', message: 'Only the SkillProof browser extension can pair.' };
    await this.publishing;
    if (!/^\d{8}$/.test(code) || !(await shared.takeCode(sha256(code), this.now(), 10))) {
      return { ok: false, code: 'invalid_pairing_code', message: 'The pairing code is wrong or expired; restart the server for a new one.' };
    }
    if (this.current?.code === code) this.current = null;
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const record = { tokenHash: sha256(token), origin, createdAt, expiresAt: createdAt + (this.options.tokenTtlMs ?? 180 * 86_400_000) };
    await shared.addToken(record);
    this.records = [...this.records.filter((r) => r.expiresAt > createdAt), record];
    return { ok: true, token, expiresAt: record.expiresAt };
  }

  /** Resolves once the last issued code is visible to other replicas. */
  published(): Promise<void> {
    return this.publishing;
  }

  /**
   * With shared state: reload tokens (and whether this replica's code was used elsewhere) at most once a second,
   * or now when `force`. Without it: nothing to do.
   */
  async refresh(force = false): Promise<void> {
    const shared = this.options.shared;
    if (!shared || (!force && this.now() - this.refreshedAt < 1000)) return;
    this.refreshedAt = this.now();
    const [tokens, waiting] = await Promise.all([shared.tokens(this.now()), this.current ? shared.codeWaiting(sha256(this.current.code), this.now()) : Promise.resolve(false)]);
    this.records = tokens;
    if (this.current && !waiting) this.current = null;
  }

  /** `check`, asking the shared state again before saying no (a token paired on another replica a moment ago). */
  async verify(token: string): Promise<string | null> {
    const origin = this.check(token);
    if (origin !== null || !this.options.shared) return origin;
    await this.refresh(true);
    return this.check(token);
  }

  /** The origin a valid token was paired with, or null. */
  check(token: string): string | null {
    const hash = sha256(token);
    const r = this.records.find((x) => x.tokenHash === hash);
    return r && r.expiresAt > this.now() ? r.origin : null;
  }

  isPairedOrigin(origin: string): boolean {
    const t = this.now();
    return this.records.some((r) => r.origin === origin && r.expiresAt > t);
  }
}
