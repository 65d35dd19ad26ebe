import { compactVerify, importSPKI } from 'jose';
import { utf8 } from '../../core/verify/encoding.js';
import { asArray, isRecord, str } from '../../core/verify/read-credential.js';
import type { StepLog } from '../../core/verify/step-log.js';
import type { Verification } from '../../core/verify/verification.js';
import { bareVerification, finishVerification } from './finish-verification.js';
import type { VerifyDeps } from './verify-deps.js';

type Loaded = { ok: true; json: Record<string, unknown> } | { ok: false; why: string };

async function fetchJson(url: string | null, deps: VerifyDeps): Promise<Loaded> {
  if (!url || !/^https?:\/\//.test(url)) return { ok: false, why: `"${(url ?? '').slice(0, 80)}" is not an http(s) URL` };
  try {
    const res = await deps.fetcher.fetch(url, { accept: 'application/ld+json, application/json', maxBytes: 1024 * 1024 });
    if (res.status !== 200) return { ok: false, why: `${url} answered HTTP ${res.status}` };
    const json: unknown = JSON.parse(utf8(res.body));
    return isRecord(json) ? { ok: true, json } : { ok: false, why: `${url} is not a JSON object` };
  } catch (e) {
    return { ok: false, why: `${url} could not be loaded (${(e as { code?: string }).code ?? 'invalid JSON'})` };
  }
}

/** An embedded object, or the document its URL points to. */
async function embeddedOrFetched(value: unknown, deps: VerifyDeps): Promise<Loaded> {
  return isRecord(value) ? { ok: true, json: value } : fetchJson(str(value), deps);
}

const origin = (url: string | null) => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/**
 * Open Badges 2.0: hosted (the assertion as served from its id on the issuer's origin is the proof) or signed (a JWS
 * checked with the issuer's CryptographicKey, then its RevocationList). Offline, hosted checks are "could not check".
 */
export async function verifyOb2(
  assertion: Record<string, unknown>,
  signed: { token: string; header: Record<string, unknown> } | null,
  recipient: string | undefined,
  deps: VerifyDeps,
  log: StepLog,
): Promise<Verification> {
  const format = signed ? 'ob2-signed' : 'ob2-hosted';
  const id = str(assertion.id);
  if (assertion.revoked === true) {
    // A hosted assertion that says it is revoked stays revoked whatever else is missing from it.
    log.fail('status', 'revoked', `The assertion says it is revoked${str(assertion.revocationReason) ? `: ${str(assertion.revocationReason)}` : ''}.`);
    if (!isRecord(assertion.recipient)) return bareVerification(log, format);
  }
  if (!id || !(isRecord(assertion.badge) || typeof assertion.badge === 'string') || !isRecord(assertion.recipient)) {
    log.fail('schema', 'schema_invalid', 'An Open Badges 2.0 assertion needs an id, a badge and a recipient.');
    return bareVerification(log, format);
  }
  log.pass('format', `format_${format.replace('-', '_')}`, `Recognised as an Open Badges 2.0 ${signed ? 'signed' : 'hosted'} assertion.`);
  let current = assertion;
  const notes: string[] = [];
  if (!signed) {
    const hosted = await fetchJson(id, deps);
    if (!hosted.ok) log.unknown('proof', 'hosted_assertion_unreachable', `The hosted assertion could not be fetched: ${hosted.why}.`);
    else if (str(hosted.json.id) !== id) log.fail('proof', 'hosted_assertion_mismatch', `The document at ${id} is not this assertion.`);
    else {
      if (JSON.stringify(hosted.json) !== JSON.stringify(assertion)) notes.push('The copy given differs from the one the issuer hosts; the hosted copy was checked and is shown.');
      current = hosted.json;
      if (current.revoked === true && assertion.revoked !== true) log.fail('status', 'revoked', 'The issuer now serves this assertion as revoked.');
    }
  }
  const badge = await embeddedOrFetched(current.badge, deps);
  const issuer = badge.ok ? await embeddedOrFetched(badge.json.issuer, deps) : badge;
  if (!badge.ok || !issuer.ok) {
    log.unknown('key', 'issuer_profile_unreachable', `The badge class or issuer profile could not be loaded: ${badge.ok ? (issuer as { why: string }).why : badge.why}.`);
  }
  const issuerJson = issuer.ok ? issuer.json : null;
  const issuerId = issuerJson ? str(issuerJson.id) : str(badge.ok ? badge.json.issuer : null);

  if (!signed && issuerJson && log.checks.every((c) => c.id !== 'proof')) {
    const verification = isRecord(issuerJson.verification) ? issuerJson.verification : {};
    const allowed = asArray(verification.allowedOrigins as unknown).filter((o): o is string => typeof o === 'string');
    const host = origin(id);
    const ok = host !== null && (allowed.length ? allowed.some((o) => host === origin(o) || host === `https://${o}`) : host === origin(issuerId));
    if (ok) log.pass('proof', 'hosted_assertion_verified', `The assertion is served by the issuer's own origin (${host}).`);
    else log.fail('proof', 'hosted_origin_mismatch', `The assertion is hosted at ${host ?? '?'}, which the issuer ${issuerId ?? '?'} does not allow.`);
  }
  if (signed) await checkSignedBadge(signed, current, issuerJson, issuerId, deps, log);

  const doc: Record<string, unknown> = { ...current, badge: badge.ok ? badge.json : current.badge, issuer: issuerJson ?? issuerId ?? undefined };
  return finishVerification(doc, log, deps, { format, recipient, statusDone: true, notes });
}

async function checkSignedBadge(
  signed: { token: string; header: Record<string, unknown> },
  assertion: Record<string, unknown>,
  issuer: Record<string, unknown> | null,
  issuerId: string | null,
  deps: VerifyDeps,
  log: StepLog,
): Promise<void> {
  const alg = str(signed.header.alg);
  const creator = isRecord(assertion.verification) ? str(assertion.verification.creator) : null;
  const keyDoc = await fetchJson(creator, deps);
  if (!keyDoc.ok) {
    log.unknown('key', 'key_unreachable', `The signing key could not be loaded: ${keyDoc.why}.`);
    return;
  }
  const pem = str(keyDoc.json.publicKeyPem);
  if (!pem || !alg || !/^(RS|PS|ES)(256|384|512)$/.test(alg)) {
    log.fail('key', 'key_unsupported', 'The CryptographicKey has no PEM public key, or the algorithm is not supported.');
    return;
  }
  if (str(keyDoc.json.owner) !== issuerId) {
    log.fail('key', 'key_not_issuer', `The key is owned by ${str(keyDoc.json.owner) ?? 'nobody'}, not the issuer ${issuerId ?? '?'}.`);
    return;
  }
  try {
    await compactVerify(signed.token, await importSPKI(pem, alg), { algorithms: [alg] });
    log.pass('proof', 'signature_valid', `The badge signature (${alg}) is valid.`);
  } catch (e) {
    log.fail('proof', 'signature_invalid', `The badge signature does not verify (${(e as { code?: string }).code ?? 'error'}).`);
    return;
  }
  const listUrl = issuer ? str(issuer.revocationList) : null;
  if (!listUrl) {
    log.pass('status', 'no_status', 'The issuer publishes no revocation list.');
    return;
  }
  const list = await fetchJson(listUrl, deps);
  if (!list.ok) {
    log.unknown('status', 'status_unreachable', `The revocation list could not be loaded: ${list.why}.`);
    return;
  }
  const revoked = asArray(list.json.revokedAssertions as unknown).some((r) => (isRecord(r) ? str(r.id) : str(r)) === str(assertion.id) || (isRecord(r) && str(r.uid) !== null && str(r.uid) === str(assertion.uid)));
  if (revoked) log.fail('status', 'revoked', 'The issuer’s revocation list revokes this assertion.');
  else log.pass('status', 'not_revoked', 'Not on the issuer’s revocation list.');
}
