import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createVerificationAdapters } from '../../src/adapters/verification-adapters.js';
import type { VerifyDeps } from '../../src/service/verify-credential.js';
import { loadConfig } from '../../src/service/config.js';

/** The shared credential vectors folder, or null with the reason it is missing. */
export function credentialVectorsDir(): { dir: string | null; reason: string } {
  const shared = loadConfig(process.env).sharedDir;
  if (!shared) return { dir: null, reason: 'no shared folder (../shared or SKILLPROOF_SHARED_DIR) found' };
  const dir = join(shared, 'credentials');
  return existsSync(dir) ? { dir, reason: '' } : { dir: null, reason: `${dir} does not exist` };
}

/** The local mirror for the URLs the vectors point at (did:web documents and status lists). */
export function vectorMirror(dir: string): Record<string, string> {
  const dcc = join(dir, 'dcc_vc_test_fixtures');
  return {
    'https://digitalcredentials.github.io/vc-test-fixtures/dids/': join(dcc, 'dids'),
    'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/': join(dcc, 'statusLists'),
  };
}

/** The 1EdTech OB 3.0 test vector's key is published beside it, not at its (example.edu) URL: bind it explicitly. */
export function vectorPinnedKeys(dir: string): Record<string, string> {
  const folder = join(dir, '1edtech_ob3_spec');
  const signed = JSON.parse(readFileSync(join(folder, 'ldp_testvector__signed_credential.json'), 'utf8')) as { proof: { verificationMethod: string } };
  return { [signed.proof.verificationMethod]: readFileSync(join(folder, 'ldp_testvector__publicKeyMultibase.txt'), 'utf8').trim() };
}

/** Offline verification deps wired to the vector mirror, with a fixed clock. */
export function vectorDeps(dir: string, now = new Date('2026-06-01T00:00:00Z')): VerifyDeps {
  const adapters = createVerificationAdapters({ network: false, mirror: vectorMirror(dir), pinnedKeys: vectorPinnedKeys(dir) });
  return { ...adapters, now: () => now };
}

/** Every credential-like file among the vectors (the mirror's did documents and status lists are resources, not vectors). */
export function vectorFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => {
      const p = join(d, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return walk(dir)
    .filter((f) => !/\.(md|csv)$/i.test(f))
    .filter((f) => !/dcc_vc_test_fixtures\/(dids|statusLists)\//.test(relative(dir, f)))
    .sort();
}
