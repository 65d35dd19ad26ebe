/**
 * Turns a verification method reference (a DID URL such as `did:key:z6Mk…#z6Mk…`, `did:web:…#key-1`, `did:jwk:…#0`,
 * or an https URL of a key or issuer profile) into a public key.
 *
 * Contract:
 * - Never throws for expected negatives: unresolvable, unreachable, unknown key, unsupported method come back as
 *   `{ ok: false, code, message, reachable }`; `reachable: false` means "could not be checked" (offline, 404).
 * - All network access goes through the injected Fetcher (SSRF-safe, mirror-aware).
 * - `controller` is the DID or URL the key belongs to, so callers can check it against the credential's issuer.
 */
export interface KeyResolver {
  resolve(verificationMethod: string): Promise<KeyResolution>;
}

export interface ResolvedKey {
  id: string;
  controller: string;
  /** The public key as a JWK (OKP/Ed25519, EC, RSA). */
  publicKeyJwk: JsonWebKey;
  /** Proof purposes the controller lists this key under (`assertionMethod`, …); null when implied (did:key, did:jwk). */
  purposes: string[] | null;
}

export type KeyResolution =
  | { ok: true; key: ResolvedKey }
  | { ok: false; code: string; message: string; reachable: boolean };
