import { X509Certificate } from 'node:crypto';
import { flattenedVerify, importX509 } from 'jose';
import { base64Decode, utf8 } from '../../core/verify/encoding.js';
import { classifyCredential, isRecord, str } from '../../core/verify/read-credential.js';
import type { StepLog } from '../../core/verify/step-log.js';
import type { Verification } from '../../core/verify/verification.js';
import { bareVerification, finishVerification } from './finish-verification.js';
import type { VerifyDeps } from './verify-deps.js';

const ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

function toPem(der: string): string {
  return `-----BEGIN CERTIFICATE-----\n${der.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----`;
}

function b64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A European Digital Credential sealed with JAdES (JWS JSON serialisation, usually `b64: false`): the signature is
 * checked against the certificate embedded in `x5c`. Whether that certificate belongs to a qualified, trusted issuer
 * needs an EU trusted list, which is not consulted here: the step says so.
 */
export async function verifyJades(jws: Record<string, unknown>, recipient: string | undefined, deps: VerifyDeps, log: StepLog): Promise<Verification> {
  const signatures = Array.isArray(jws.signatures) ? jws.signatures.filter(isRecord) : [];
  const sig = signatures[0];
  const protectedB64 = sig ? str(sig.protected) : null;
  const headerBytes = protectedB64 ? base64Decode(protectedB64) : null;
  let header: Record<string, unknown> | null = null;
  try {
    header = headerBytes ? (JSON.parse(utf8(headerBytes)) as Record<string, unknown>) : null;
  } catch {
    header = null;
  }
  if (!sig || !protectedB64 || !isRecord(header) || typeof jws.payload !== 'string') {
    log.fail('parse', 'jades_malformed', 'The JAdES envelope lacks a payload, a signature or a readable protected header.');
    return bareVerification(log, 'edc-jades');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(header.b64 === false ? jws.payload : utf8(base64Decode(jws.payload) ?? new Uint8Array()));
  } catch {
    payload = null;
  }
  if (!isRecord(payload) || classifyCredential(payload) === 'unknown') {
    log.fail('parse', 'jades_payload_malformed', 'The signed payload is not a credential in JSON.');
    return bareVerification(log, 'edc-jades');
  }
  log.pass('parse', 'jades_parsed', `Read a JAdES-sealed ${classifyCredential(payload) === 'edc' ? 'European Digital Credential' : 'credential'}.`);
  const alg = str(header.alg);
  const chain = Array.isArray(header.x5c) ? header.x5c.filter((c): c is string => typeof c === 'string') : [];
  if (!alg || !ALGS.includes(alg) || chain.length === 0) {
    log.fail('proof', 'jades_unsupported', `The seal needs a supported algorithm and an embedded certificate (alg ${alg ?? 'none'}, ${chain.length} certificates).`);
    return finishVerification(payload, log, deps, { format: 'edc-jades', recipient });
  }
  const der = base64Decode(chain[0]!);
  const thumbprint = str(header['x5t#S256']);
  if (der && thumbprint) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>));
    if (b64url(digest) !== thumbprint) {
      log.fail('key', 'certificate_thumbprint_mismatch', 'The x5t#S256 thumbprint does not match the embedded certificate.');
      return finishVerification(payload, log, deps, { format: 'edc-jades', recipient });
    }
  }
  let subject = 'unknown subject';
  try {
    const cert = new X509Certificate(Buffer.from(der ?? new Uint8Array()));
    subject = cert.subject.replace(/\n/g, ', ');
    const sigT = Date.parse(str(header.sigT) ?? '');
    const at = Number.isNaN(sigT) ? (deps.now?.() ?? new Date()).getTime() : sigT;
    if (at < Date.parse(cert.validFrom) || at > Date.parse(cert.validTo)) {
      log.fail('key', 'certificate_not_valid_at_signing', `The certificate was not valid when the seal was made (valid ${cert.validFrom} – ${cert.validTo}).`);
      return finishVerification(payload, log, deps, { format: 'edc-jades', recipient });
    }
    log.pass('key', 'certificate_read', `Sealed with the certificate of ${subject.slice(0, 160)}.`);
    const key = await importX509(toPem(chain[0]!), alg);
    await flattenedVerify({ protected: protectedB64, payload: jws.payload, signature: str(sig.signature) ?? '' }, key, {
      algorithms: [alg],
      crit: { sigT: true },
    });
    log.pass('proof', 'signature_valid', 'The JAdES seal is valid for the embedded certificate: the content is unchanged since sealing.');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') log.fail('proof', 'signature_invalid', 'The JAdES seal does not match the content: it was altered after sealing.');
    else log.fail('proof', 'jades_unverifiable', `The JAdES seal cannot be checked (${code ?? (e as Error).message}).`);
    return finishVerification(payload, log, deps, { format: 'edc-jades', recipient });
  }
  log.unknown('certificate_trust', 'certificate_trust_not_checked', 'The certificate was not checked against an EU trusted list; treat the issuer as unconfirmed.', true);
  return finishVerification(payload, log, deps, { format: 'edc-jades', recipient });
}
