import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVerificationAdapters } from '../../src/adapters/verification-adapters.js';
import { VerificationSchema, type Outcome } from '../../src/core/verify/verification.js';
import { verifyCredential, type VerifyDeps } from '../../src/service/verify-credential.js';
import { credentialVectorsDir, vectorFiles, vectorMirror, vectorPinnedKeys } from '../helpers/credential-vectors.js';
import { FIXTURES } from '../helpers/fixture-deps.js';
import { seededRandom } from '../../src/core/seeded-random.js';

export interface FuzzResult {
  inputs: number;
  /** Inputs for which verifyCredential threw or returned something that is not a Verification with a step log. */
  crashes: number;
  crashSamples: string[];
  outcomes: Record<Outcome, number>;
  /** Mutants that still verified (expected only for meaning-preserving edits such as whitespace or key order). */
  mutantsVerified: number;
  seconds: number;
  perSecond: number;
  sources: number;
}

const FIXTURE_FILES = [
  'ob3-eddsa-valid.json', 'ob3-eddsa-valid-no-status.json', 'vc1-ed25519-2020-valid.json', 'vc-jwt-valid.jwt', 'ob3-baked-valid.png',
  'ob3-baked-valid.svg', 'ob2-hosted-valid.json', 'ob2-baked-hosted.png', 'clr2-nested-valid.json', 'ob3-eddsa-revoked.json',
];

/** Seeded, so a run can be repeated exactly. */
const rng = seededRandom;

const NASTY: unknown[] = [null, true, 0, -1, 1e308, '', 'x'.repeat(5000), [], {}, [[[[[]]]]], { '@context': 'https://evil.test/ctx' },
  'did:web:127.0.0.1', 'did:key:zZZZ', 'https://127.0.0.1/status', '2099-01-01T00:00:00Z', '1970-01-01', '../../etc/passwd', '\u0000', '#frag'];

function mutateJson(value: unknown, r: () => number, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || r() < 0.15) return r() < 0.5 ? [...value, NASTY[Math.floor(r() * NASTY.length)]] : [];
    const i = Math.floor(r() * value.length);
    const copy = [...value];
    copy[i] = mutateJson(copy[i], r, depth + 1);
    return r() < 0.1 ? [...copy, ...copy] : copy;
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (keys.length === 0 || r() < 0.1) {
      copy[['proof', 'credentialStatus', 'issuer', 'validUntil', 'type', '@context', 'verification'][Math.floor(r() * 7)]!] = NASTY[Math.floor(r() * NASTY.length)];
      return copy;
    }
    const k = keys[Math.floor(r() * keys.length)]!;
    const roll = r();
    if (roll < 0.15) delete copy[k];
    else if (roll < 0.35 || depth > 6) copy[k] = NASTY[Math.floor(r() * NASTY.length)];
    else copy[k] = mutateJson(copy[k], r, depth + 1);
    return copy;
  }
  if (typeof value === 'string') {
    if (value.length && r() < 0.5) {
      const i = Math.floor(r() * value.length);
      return value.slice(0, i) + String.fromCharCode(32 + Math.floor(r() * 90)) + value.slice(i + 1);
    }
    return NASTY[Math.floor(r() * NASTY.length)];
  }
  return NASTY[Math.floor(r() * NASTY.length)];
}

function mutateBytes(bytes: Uint8Array, r: () => number): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + Math.floor(r() * 4);
  for (let e = 0; e < edits && out.length; e++) {
    const i = Math.floor(r() * out.length);
    const roll = r();
    if (roll < 0.4) out[i] = Math.floor(r() * 256);
    else if (roll < 0.6) out.splice(i, 1 + Math.floor(r() * 16));
    else if (roll < 0.8) out.splice(i, 0, ...Array.from({ length: 1 + Math.floor(r() * 8) }, () => Math.floor(r() * 256)));
    else out.length = i;
  }
  return new Uint8Array(out);
}

function mutate(bytes: Uint8Array, r: () => number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  if (r() < 0.6 && /^\s*[{[]/.test(text)) {
    try {
      return new TextEncoder().encode(JSON.stringify(mutateJson(JSON.parse(text), r)));
    } catch {
      /* fall through to byte mutation */
    }
  }
  return mutateBytes(bytes, r);
}

/** Offline deps for fuzzing: fixtures' and (when present) the shared vectors' mirrors. */
function fuzzDeps(): { deps: VerifyDeps; sources: Uint8Array[] } {
  const { dir } = credentialVectorsDir();
  const mirror: Record<string, string> = {
    'https://status.skillproof.test/': join(FIXTURES, 'mirror', 'status'),
    'https://badges.skillproof.test/': join(FIXTURES, 'mirror', 'hosted'),
    ...(dir ? vectorMirror(dir) : {}),
  };
  const adapters = createVerificationAdapters({ network: false, mirror, pinnedKeys: dir ? vectorPinnedKeys(dir) : {} });
  const files = [...FIXTURE_FILES.map((f) => join(FIXTURES, f)), ...(dir ? vectorFiles(dir) : [])];
  return { deps: { ...adapters, now: () => new Date('2026-06-01T00:00:00Z') }, sources: files.map((f) => new Uint8Array(readFileSync(f))) };
}

/** Mutate the credential vectors `n` times and verify each mutant: counts crashes (must be 0) and outcomes. */
export async function benchVerifyFuzz(n: number, seed = 7): Promise<FuzzResult> {
  const r = rng(seed);
  const { deps, sources } = fuzzDeps();
  const result: FuzzResult = { inputs: 0, crashes: 0, crashSamples: [], outcomes: { verified: 0, invalid: 0, unverifiable: 0 }, mutantsVerified: 0, seconds: 0, perSecond: 0, sources: sources.length };
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const source = sources[Math.floor(r() * sources.length)]!;
    const input = mutate(source, r);
    result.inputs++;
    try {
      const v = await verifyCredential({ bytes: input }, deps);
      const parsed = VerificationSchema.safeParse(v);
      if (!parsed.success || v.checks.length === 0) throw new Error(parsed.success ? 'empty step log' : parsed.error.issues[0]!.message);
      result.outcomes[v.outcome]++;
      if (v.verified) {
        result.mutantsVerified++;
        if (process.env.SKILLPROOF_FUZZ_DEBUG) console.error(`verified mutant of ${v.format}: ${new TextDecoder().decode(input).slice(0, 300)}`);
      }
    } catch (e) {
      result.crashes++;
      if (result.crashSamples.length < 5) result.crashSamples.push(`${(e as Error).message} <- ${new TextDecoder().decode(input.slice(0, 120))}`);
    }
  }
  result.seconds = (performance.now() - started) / 1000;
  result.perSecond = result.inputs / result.seconds;
  return result;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const n = Number(process.argv[2] ?? 10_000);
  benchVerifyFuzz(n).then((res) => console.log(JSON.stringify(res, null, 2)));
}
