import { base58Decode, base64Decode, multibaseDecode, utf8 } from '../core/verify/encoding.js';
import { isRecord, str } from '../core/verify/read-credential.js';
import type { Fetcher } from '../ports/fetcher.js';
import type { KeyResolution, KeyResolver, ResolvedKey } from '../ports/key-resolver.js';

export interface DidKeyResolverOptions {
  /** Verification method id → publicKeyMultibase, for keys published out of band (e.g. a spec test vector). */
  pinned?: Readonly<Record<string, string>>;
  maxBytes?: number;
}

const PURPOSES = ['assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation', 'keyAgreement'];

function b64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A `z6Mk…` multikey (multicodec 0xed01 + 32 bytes) or raw base58 Ed25519 key as an OKP JWK. */
function ed25519Jwk(multibase: string | null, base58: string | null): JsonWebKey | null {
  let raw: Uint8Array | null = null;
  if (multibase) {
    const bytes = multibaseDecode(multibase);
    if (bytes && bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01) raw = bytes.subarray(2);
  } else if (base58) {
    const bytes = base58Decode(base58);
    if (bytes && bytes.length === 32) raw = bytes;
  }
  return raw ? { kty: 'OKP', crv: 'Ed25519', x: b64url(raw) } : null;
}

function keyFromMethod(method: Record<string, unknown>): JsonWebKey | null {
  if (isRecord(method.publicKeyJwk)) return method.publicKeyJwk as JsonWebKey;
  return ed25519Jwk(str(method.publicKeyMultibase), str(method.publicKeyBase58));
}

const fail = (code: string, message: string, reachable: boolean): KeyResolution => ({ ok: false, code, message, reachable });

/** did:web identifier → the URL of its DID document (spec: `:` separates path segments, `%3A` encodes a port). */
export function didWebUrl(did: string): string | null {
  const parts = did.slice('did:web:'.length).split(':');
  if (parts.length === 0 || !parts[0]) return null;
  const host = decodeURIComponent(parts[0]);
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host)) return null;
  const path = parts.slice(1).map(decodeURIComponent);
  if (path.some((p) => p === '' || p === '.' || p === '..' || p.includes('/'))) return null;
  return path.length ? `https://${host}/${path.join('/')}/did.json` : `https://${host}/.well-known/did.json`;
}

/** Resolves did:key, did:jwk, did:web and https key/profile references through the safe Fetcher. */
export class DidKeyResolver implements KeyResolver {
  constructor(
    private readonly fetcher: Fetcher,
    private readonly options: DidKeyResolverOptions = {},
  ) {}

  async resolve(verificationMethod: string): Promise<KeyResolution> {
    const vm = verificationMethod.trim();
    const pinned = this.options.pinned?.[vm];
    if (pinned) {
      const jwk = ed25519Jwk(pinned, null);
      if (!jwk) return fail('key_malformed', `The pinned key for ${vm} is not an Ed25519 multikey.`, true);
      return { ok: true, key: { id: vm, controller: vm.split('#')[0]!, publicKeyJwk: jwk, purposes: null } };
    }
    const [base = '', fragment] = vm.split('#', 2);
    if (base.startsWith('did:key:')) return this.didKey(vm, base);
    if (base.startsWith('did:jwk:')) return this.didJwk(vm, base);
    if (base.startsWith('did:web:')) {
      const url = didWebUrl(base);
      if (!url) return fail('did_web_malformed', `${base} is not a valid did:web identifier.`, true);
      return this.fromDocument(vm, url, base, fragment);
    }
    if (/^https:\/\//.test(base)) return this.fromDocument(vm, base, null, fragment);
    const method = /^did:([a-z0-9]+):/.exec(base)?.[1];
    return fail('key_method_unsupported', `Keys from ${method ? `did:${method}` : `"${base.slice(0, 40)}"`} cannot be resolved here; supported: did:key, did:jwk, did:web, https.`, false);
  }

  private didKey(vm: string, did: string): KeyResolution {
    const jwk = ed25519Jwk(did.slice('did:key:'.length), null);
    if (!jwk) return fail('key_unsupported', `${did.slice(0, 60)} is not an Ed25519 did:key.`, true);
    return { ok: true, key: { id: vm, controller: did, publicKeyJwk: jwk, purposes: null } };
  }

  private didJwk(vm: string, did: string): KeyResolution {
    const bytes = base64Decode(did.slice('did:jwk:'.length));
    let jwk: unknown = null;
    try {
      jwk = bytes ? JSON.parse(utf8(bytes)) : null;
    } catch {
      jwk = null;
    }
    if (!isRecord(jwk) || typeof jwk.kty !== 'string') return fail('key_malformed', 'The did:jwk does not hold a JSON Web Key.', true);
    return { ok: true, key: { id: vm, controller: did, publicKeyJwk: jwk as JsonWebKey, purposes: null } };
  }

  private async fromDocument(vm: string, url: string, did: string | null, fragment: string | undefined): Promise<KeyResolution> {
    let doc: unknown;
    try {
      const res = await this.fetcher.fetch(url, { accept: 'application/did+json, application/json', maxBytes: this.options.maxBytes ?? 512 * 1024 });
      if (res.status !== 200) return fail(did ? 'did_web_unresolved' : 'key_unreachable', `${url} answered HTTP ${res.status}; the signing key cannot be fetched.`, false);
      doc = JSON.parse(utf8(res.body));
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'fetch_failed';
      return fail(did ? 'did_web_unresolved' : 'key_unreachable', `Could not fetch ${url} (${code}); the signing key cannot be checked.`, false);
    }
    if (!isRecord(doc)) return fail('key_document_malformed', `${url} is not a JSON object.`, true);
    const controller = did ?? str(doc.id) ?? url;
    if (did && str(doc.id) !== did) return fail('did_document_mismatch', `The DID document at ${url} is for ${str(doc.id) ?? 'no id'}, not ${did}.`, true);
    // The fetched document may itself be the key (https key URL), or list it.
    if (!did && str(doc.id) === vm) {
      const jwk = keyFromMethod(doc);
      if (jwk) return { ok: true, key: { id: vm, controller: str(doc.controller) ?? controller, publicKeyJwk: jwk, purposes: null } };
    }
    const methods = new Map<string, Record<string, unknown>>();
    const purposes = new Map<string, string[]>();
    const idOf = (m: unknown) => {
      const id = isRecord(m) ? str(m.id) : str(m);
      return id && id.startsWith('#') ? `${controller}${id}` : id;
    };
    for (const key of ['verificationMethod', 'publicKey', ...PURPOSES]) {
      const list = doc[key];
      for (const m of Array.isArray(list) ? list : list === undefined ? [] : [list]) {
        const id = idOf(m);
        if (!id) continue;
        if (isRecord(m)) methods.set(id, m);
        if (PURPOSES.includes(key)) purposes.set(id, [...(purposes.get(id) ?? []), key]);
      }
    }
    const wanted = fragment ? `${vm.split('#')[0]}#${fragment}` : vm;
    const method = methods.get(wanted) ?? methods.get(vm);
    if (!method) return fail('key_not_found', `${url} does not list the key ${wanted}.`, true);
    const jwk = keyFromMethod(method);
    if (!jwk) return fail('key_unsupported', `The key ${wanted} has no usable public key material.`, true);
    const key: ResolvedKey = { id: wanted, controller: str(method.controller) ?? controller, publicKeyJwk: jwk, purposes: purposes.get(wanted) ?? [] };
    return { ok: true, key };
  }
}
