import { decodeCredentialInput, type DecodedInput } from '../core/verify/decode-credential-input.js';
import { classifyCredential, isRecord, VcShapeSchema, issuerOf, asArray } from '../core/verify/read-credential.js';
import { StepLog } from '../core/verify/step-log.js';
import type { Verification } from '../core/verify/verification.js';
import { bareVerification, finishVerification } from './verify/finish-verification.js';
import { verifyDataIntegrity } from './verify/verify-data-integrity.js';
import type { VerifyDeps } from './verify/verify-deps.js';
import { verifyJades } from './verify/verify-jades.js';
import { verifyJwt } from './verify/verify-jwt.js';
import { verifyOb2 } from './verify/verify-ob2.js';

export type { VerifyDeps, LinkTexts } from './verify/verify-deps.js';

/** What to verify: exactly one of raw bytes (file, PNG/SVG badge), text (JSON or JWT), a URL, or parsed JSON. */
export interface VerifyInput {
  bytes?: Uint8Array;
  text?: string;
  url?: string;
  json?: unknown;
  /** Email, URL or DID the credential should be issued to (optional recipient step). */
  recipient?: string;
}

const MAX_INPUT = 8 * 1024 * 1024;
const MAX_NESTED = 50;

async function decode(input: VerifyInput, deps: VerifyDeps, log: StepLog): Promise<DecodedInput> {
  if (input.json !== undefined) return { kind: 'json', value: input.json, container: 'text' };
  if (input.url !== undefined) return { kind: 'url', url: input.url, container: 'text' };
  const bytes = input.bytes ?? new TextEncoder().encode(input.text ?? '');
  if (bytes.length > MAX_INPUT) return { kind: 'error', code: 'input_too_large', message: `The input is larger than ${MAX_INPUT} bytes.` };
  const decoded = await decodeCredentialInput(bytes);
  if (decoded.kind !== 'error' && decoded.container !== 'text') log.pass('parse', `baked_${decoded.container}`, `Found a credential baked into the ${decoded.container.toUpperCase()} image.`);
  return decoded;
}

async function fetchUrl(url: string, deps: VerifyDeps, log: StepLog): Promise<DecodedInput | null> {
  try {
    const res = await deps.fetcher.fetch(url, { accept: 'application/ld+json, application/json, application/jwt, image/png, image/svg+xml, */*' });
    if (res.status !== 200) {
      log.unknown('parse', 'input_unreachable', `${url} answered HTTP ${res.status}; the credential could not be loaded.`);
      return null;
    }
    log.pass('fetch', 'input_fetched', `Loaded the credential from ${url}${res.fromMirror ? ' (local mirror)' : ''}.`);
    return decodeCredentialInput(res.body);
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'fetch_failed';
    log.unknown('parse', 'input_unreachable', `${url} could not be loaded (${code}): ${(e as Error).message ?? ''}`.trim());
    return null;
  }
}

/**
 * Verify one credential and log every step. Expected negatives (tampered, expired, revoked, unreachable) come back as
 * a Verification with `verified: false`; it only throws for programming faults.
 * @example verifyCredential({ bytes: await readFile('badge.png') }, deps)
 */
export async function verifyCredential(input: VerifyInput, deps: VerifyDeps, depth = 0): Promise<Verification> {
  const log = new StepLog();
  let decoded = await decode(input, deps, log);
  for (let hops = 0; decoded.kind === 'url' && hops < 2; hops++) {
    const fetched = await fetchUrl(decoded.url, deps, log);
    if (!fetched) return bareVerification(log);
    decoded = fetched;
  }
  if (decoded.kind === 'url') {
    log.fail('parse', 'too_many_indirections', 'The input points to a URL that points to another URL; give the credential itself.');
    return bareVerification(log);
  }
  if (decoded.kind === 'error') {
    log.fail('parse', decoded.code, decoded.message);
    return bareVerification(log);
  }
  if (decoded.kind === 'jwt') return verifyJwt(decoded.token, input.recipient, deps, log);
  log.pass('parse', 'json_parsed', 'Read the credential as JSON.');
  return verifyDocument(decoded.value, input.recipient, deps, log, depth);
}

async function verifyDocument(value: unknown, recipient: string | undefined, deps: VerifyDeps, log: StepLog, depth: number): Promise<Verification> {
  const format = classifyCredential(value);
  if (format === 'unknown' || !isRecord(value)) {
    log.fail('format', 'format_unrecognised', 'This JSON is not a Verifiable Credential, Open Badge, CLR or European Digital Credential.');
    return bareVerification(log);
  }
  if (format === 'edc-jades') return verifyJades(value, recipient, deps, log);
  if (format === 'ob2-hosted') return verifyOb2(value, null, recipient, deps, log);
  if (format === 'vp') return verifyPresentation(value, recipient, deps, log, depth);
  const shape = VcShapeSchema.safeParse(value);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    log.fail('schema', 'schema_invalid', `Not a well-formed credential: ${issue.path.join('.') || '(root)'} ${issue.message.toLowerCase()}.`);
    return bareVerification(log, format);
  }
  log.pass('format', `format_${format.replace(/-/g, '_')}`, `Recognised as ${formatName(format)}.`);
  await verifyDataIntegrity(value, issuerOf(value).id, deps, log);
  const nested: Verification[] = [];
  if (format === 'clr2' && depth < 2) {
    const subject = asArray(value.credentialSubject as unknown)[0];
    const inner = isRecord(subject) ? asArray(subject.verifiableCredential as unknown).slice(0, MAX_NESTED) : [];
    for (const vc of inner) nested.push(await verifyCredential(typeof vc === 'string' ? { text: vc } : { json: vc }, deps, depth + 1));
    const bad = nested.filter((n) => !n.verified).length;
    if (nested.length === 0) log.unknown('nested', 'clr_empty', 'The CLR carries no credentials.', true);
    else if (bad === 0) log.pass('nested', 'nested_verified', `All ${nested.length} credentials inside the CLR verified.`, true);
    else log.fail('nested', 'nested_not_verified', `${bad} of ${nested.length} credentials inside the CLR did not verify; see each one.`, true);
  }
  return finishVerification(value, log, deps, { format, recipient, nested });
}

/** A presentation is a wrapper: its credentials are verified one by one; the holder's own proof is not needed here. */
async function verifyPresentation(vp: Record<string, unknown>, recipient: string | undefined, deps: VerifyDeps, log: StepLog, depth: number): Promise<Verification> {
  const inner = depth < 2 ? asArray(vp.verifiableCredential as unknown).slice(0, MAX_NESTED) : [];
  const nested: Verification[] = [];
  for (const vc of inner) nested.push(await verifyCredential(typeof vc === 'string' ? { text: vc, recipient } : { json: vc, recipient }, deps, depth + 1));
  log.unknown('proof', 'presentation_container', `A presentation holding ${nested.length} credential(s): each is verified on its own below; the wrapper proves nothing by itself.`);
  return bareVerification(log, 'vp', [], nested);
}

function formatName(format: string): string {
  const names: Record<string, string> = {
    ob3: 'an Open Badges 3.0 credential',
    vc1: 'a W3C Verifiable Credential (1.1)',
    vc2: 'a W3C Verifiable Credential (2.0)',
    clr2: 'a Comprehensive Learner Record 2.0',
    edc: 'a European Digital Credential',
  };
  return names[format] ?? format;
}
