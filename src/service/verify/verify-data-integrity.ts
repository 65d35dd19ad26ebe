import jsonld from 'jsonld';
import { multibaseDecode } from '../../core/verify/encoding.js';
import { asArray, isRecord, str } from '../../core/verify/read-credential.js';
import type { StepLog } from '../../core/verify/step-log.js';
import type { VerifyDeps } from './verify-deps.js';

const SUPPORTED = (proof: Record<string, unknown>) =>
  proof.type === 'Ed25519Signature2020' ||
  (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022');

class ContextUnavailable extends Error {}

async function canonize(input: unknown, deps: VerifyDeps): Promise<string> {
  return jsonld.canonize(input, {
    algorithm: 'URDNA2015',
    format: 'application/n-quads',
    safe: true,
    documentLoader: async (url: string) => {
      const doc = deps.documents.load(url);
      if (!doc) throw new ContextUnavailable(url);
      return doc;
    },
  });
}

function findCause(e: unknown, depth = 0): ContextUnavailable | null {
  if (e instanceof ContextUnavailable) return e;
  if (!isRecord(e) || depth > 6) return null;
  const details = isRecord(e.details) ? e.details : null;
  return findCause(e.cause, depth + 1) ?? findCause(details?.cause, depth + 1);
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** DIDs compare by their DID part; URLs by everything before the fragment. */
function sameController(controller: string, issuerId: string | null): boolean {
  if (!issuerId) return false;
  return controller.split('#')[0] === issuerId.split('#')[0];
}

/**
 * Check every Data Integrity proof on `doc` (eddsa-rdfc-2022, Ed25519Signature2020), logging `key` and `proof` steps.
 * A proof passes only when its key resolves, belongs to the issuer, is listed for assertions, and the signature
 * over the canonical document and proof options verifies.
 */
export async function verifyDataIntegrity(doc: Record<string, unknown>, issuerId: string | null, deps: VerifyDeps, log: StepLog): Promise<void> {
  const proofs = asArray(doc.proof as unknown).filter(isRecord);
  if (proofs.length === 0) {
    log.unknown('proof', 'no_proof', 'The credential carries no proof, so nobody can confirm who issued it or that it is unchanged.');
    return;
  }
  const anySupported = proofs.some(SUPPORTED);
  const { proof: _ignored, ...unsigned } = doc;
  let canonicalDoc: Promise<Uint8Array> | null = null;
  for (const proof of proofs) {
    const label = `${String(proof.type)}${proof.cryptosuite ? `/${String(proof.cryptosuite)}` : ''}`;
    if (!SUPPORTED(proof)) {
      log.unknown('proof', 'proof_type_unsupported', `Proof type ${label.slice(0, 80)} is not supported; it was not checked.`, anySupported);
      continue;
    }
    if (proof.proofPurpose !== 'assertionMethod') {
      log.fail('proof', 'proof_purpose_mismatch', `A ${label} proof for "${String(proof.proofPurpose)}" cannot vouch for a credential (needs assertionMethod).`);
      continue;
    }
    const vm = str(proof.verificationMethod);
    const value = str(proof.proofValue);
    const signature = value ? multibaseDecode(value) : null;
    if (!vm || !signature || signature.length !== 64) {
      log.fail('proof', 'proof_malformed', `The ${label} proof lacks a verification method or a 64-byte base58 proof value.`);
      continue;
    }
    const resolved = await deps.keys.resolve(vm);
    if (!resolved.ok) {
      if (resolved.reachable) log.fail('key', resolved.code, resolved.message);
      else log.unknown('key', resolved.code, resolved.message);
      continue;
    }
    const key = resolved.key;
    if (!sameController(key.controller, issuerId)) {
      log.fail('key', 'key_not_issuer', `The signing key belongs to ${key.controller.slice(0, 100)}, not to the issuer ${issuerId ?? '(none)'}.`);
      continue;
    }
    if (key.purposes !== null && !key.purposes.includes('assertionMethod')) {
      log.fail('key', 'key_purpose_mismatch', `The issuer does not list ${vm.slice(0, 100)} as an assertion key.`);
      continue;
    }
    log.pass('key', 'key_resolved', `Signing key resolved: ${vm.length > 90 ? `${vm.slice(0, 87)}…` : vm}.`);
    const { proofValue: _value, ...options } = proof;
    options['@context'] = doc['@context'];
    let data: Uint8Array;
    try {
      canonicalDoc ??= canonize(unsigned, deps).then(sha256);
      const [proofHash, docHash] = await Promise.all([canonize(options, deps).then(sha256), canonicalDoc]);
      data = new Uint8Array([...proofHash, ...docHash]);
    } catch (e) {
      const missing = findCause(e);
      if (missing) log.unknown('proof', 'context_unavailable', `The JSON-LD context ${missing.message.slice(0, 120)} is not bundled, so the ${label} proof cannot be checked.`);
      else log.fail('proof', 'canonicalization_failed', `The credential cannot be canonicalised (${(e as Error).message?.slice(0, 120) ?? 'error'}); terms outside its contexts are not signed data.`);
      canonicalDoc = null;
      continue;
    }
    const ok = await verifyEd25519(key.publicKeyJwk, signature, data);
    if (ok === null) log.fail('proof', 'key_unsupported', `The key for the ${label} proof is not an Ed25519 key.`);
    else if (ok) log.pass('proof', 'signature_valid', `The ${label} signature is valid: the content is exactly what the issuer signed.`);
    else log.fail('proof', 'signature_invalid', `The ${label} signature does not match: the credential was altered or signed with another key.`);
  }
}

async function verifyEd25519(jwk: JsonWebKey, signature: Uint8Array, data: Uint8Array): Promise<boolean | null> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return null;
  try {
    const key = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify('Ed25519', key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
  } catch {
    return null;
  }
}
