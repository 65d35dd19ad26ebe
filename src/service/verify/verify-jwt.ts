import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { isRecord, issuerOf, str } from '../../core/verify/read-credential.js';
import type { StepLog } from '../../core/verify/step-log.js';
import type { Verification } from '../../core/verify/verification.js';
import { bareVerification, finishVerification } from './finish-verification.js';
import type { VerifyDeps } from './verify-deps.js';
import { verifyOb2 } from './verify-ob2.js';

const ALGS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'ES256K', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const iso = (seconds: unknown) => (typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null);

/** The verification method a JWT names: its `kid` (absolute or relative to the issuer), or a did:key's own key. */
function keyReference(kid: string | null, issuer: string | null): string | null {
  if (kid && /^(did:|https:)/.test(kid)) return kid;
  if (kid && issuer && kid.startsWith('#')) return `${issuer}${kid}`;
  if (kid && issuer?.startsWith('did:')) return `${issuer}#${kid}`;
  if (issuer?.startsWith('did:key:')) return `${issuer}#${issuer.slice('did:key:'.length)}`;
  if (issuer?.startsWith('did:jwk:')) return `${issuer}#0`;
  return null;
}

/** Verify a compact JWS: a VC-JWT (VC 1.1 `vc` claim, VC 2.0 / OB 3.0 JOSE) or a signed Open Badges 2.0 assertion. */
export async function verifyJwt(token: string, recipient: string | undefined, deps: VerifyDeps, log: StepLog): Promise<Verification> {
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    payload = decodeJwt(token) as Record<string, unknown>;
  } catch (e) {
    log.fail('parse', 'jwt_malformed', `The JWT cannot be decoded (${(e as Error).message}); it must be header.payload.signature in base64url.`);
    return bareVerification(log, 'vc-jwt');
  }
  if (isRecord(payload.badge) || typeof payload.badge === 'string' || (isRecord(payload.recipient) && isRecord(payload.verification))) {
    log.pass('parse', 'jws_parsed', 'Read a signed Open Badges 2.0 assertion (JWS).');
    return verifyOb2(payload, { token, header }, recipient, deps, log);
  }
  const vc = isRecord(payload.vc) ? payload.vc : isRecord(payload) && payload['@context'] !== undefined ? payload : null;
  if (!vc) {
    log.fail('format', 'jwt_not_credential', 'The JWT carries no Verifiable Credential (no "vc" claim, no credential payload).');
    return bareVerification(log, 'vc-jwt');
  }
  log.pass('parse', 'jwt_parsed', 'Read a VC-JWT.');
  const vcIssuer = issuerOf(vc).id;
  const iss = str(payload.iss);
  if (iss && vcIssuer && iss !== vcIssuer) {
    log.fail('proof', 'issuer_mismatch', `The JWT issuer (${iss}) differs from the credential issuer (${vcIssuer}).`);
    return bareVerification(log, 'vc-jwt');
  }
  const issuer = vcIssuer ?? iss;
  const alg = str(header.alg);
  if (!alg || !ALGS.includes(alg)) {
    log.fail('proof', 'jwt_alg_unsupported', `JWT algorithm "${alg ?? 'none'}" is not accepted.`);
    return bareVerification(log, 'vc-jwt');
  }
  const vm = keyReference(str(header.kid), issuer);
  if (!vm) {
    log.unknown('key', 'key_not_bound', 'The JWT names no key that can be tied to its issuer (a bare header key proves nothing about who signed).');
  } else {
    const resolved = await deps.keys.resolve(vm);
    if (!resolved.ok) {
      if (resolved.reachable) log.fail('key', resolved.code, resolved.message);
      else log.unknown('key', resolved.code, resolved.message);
    } else if (resolved.key.controller.split('#')[0] !== issuer?.split('#')[0]) {
      log.fail('key', 'key_not_issuer', `The signing key belongs to ${resolved.key.controller}, not to the issuer ${issuer ?? '(none)'}.`);
    } else {
      log.pass('key', 'key_resolved', `Signing key resolved: ${vm}.`);
      try {
        const key = await importJWK(resolved.key.publicKeyJwk as JWK, alg);
        await compactVerify(token, key, { algorithms: [alg] });
        log.pass('proof', 'signature_valid', `The JWT signature (${alg}) is valid.`);
      } catch (e) {
        log.fail('proof', 'signature_invalid', `The JWT signature does not verify (${(e as { code?: string }).code ?? 'error'}): altered or signed with another key.`);
      }
    }
  }
  const doc: Record<string, unknown> = { ...vc, issuer: vc.issuer ?? issuer };
  if (doc.validFrom === undefined && doc.issuanceDate === undefined) doc.validFrom = iso(payload.nbf) ?? iso(payload.iat) ?? undefined;
  if (doc.validUntil === undefined && doc.expirationDate === undefined && payload.exp !== undefined) doc.validUntil = iso(payload.exp) ?? 'invalid';
  return finishVerification(doc, log, deps, { format: 'vc-jwt', recipient });
}
