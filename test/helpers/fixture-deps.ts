import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVerificationAdapters } from '../../src/adapters/verification-adapters.js';
import type { VerifyDeps } from '../../src/service/verify-credential.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'credentials');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** Offline deps serving the fixtures' status list and hosted badges from the local mirror, with a fixed clock. */
export function fixtureDeps(extra: Partial<VerifyDeps> & { trustFiles?: string[] } = {}): VerifyDeps {
  const { trustFiles, ...rest } = extra;
  const adapters = createVerificationAdapters({
    network: false,
    mirror: {
      'https://status.skillproof.test/': join(FIXTURES, 'mirror', 'status'),
      'https://badges.skillproof.test/': join(FIXTURES, 'mirror', 'hosted'),
      'https://issuer.skillproof.test/': join(FIXTURES, 'mirror', 'did-web'),
    },
    trustFiles: trustFiles?.map((f) => join(FIXTURES, f)),
  });
  return { ...adapters, now: () => new Date('2026-06-01T00:00:00Z'), ...rest };
}
