import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVerificationAdapters } from '../../src/adapters/verification-adapters.js';
import { verifyCredential } from '../../src/service/verify-credential.js';
import { FIXTURES } from '../helpers/fixture-deps.js';

export interface VerifySpeed {
  iterations: number;
  /** First (cold) verification, including JSON-LD context processing warm-up. */
  coldMs: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  targetP50Ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** Time offline verification of a did:key eddsa-rdfc-2022 OB 3.0 credential: cold once, then `iterations` warm runs. */
export async function benchVerifySpeed(iterations = 50): Promise<VerifySpeed> {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'ob3-eddsa-valid-no-status.json')));
  const deps = { ...createVerificationAdapters({ network: false }), now: () => new Date('2026-06-01T00:00:00Z') };
  const t0 = performance.now();
  const first = await verifyCredential({ bytes }, deps);
  const coldMs = performance.now() - t0;
  if (!first.verified) throw new Error(`The speed fixture did not verify: ${first.checks.map((c) => c.code).join(', ')}`);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await verifyCredential({ bytes }, deps);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    iterations,
    coldMs: round(coldMs),
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    targetP50Ms: 50,
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  benchVerifySpeed(Number(process.argv[2] ?? 50)).then((res) => console.log(JSON.stringify(res, null, 2)));
}
