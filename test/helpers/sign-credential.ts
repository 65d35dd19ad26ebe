import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import jsonld from 'jsonld';
import { SignJWT, importJWK } from 'jose';
import { StaticDocumentLoader } from '../../src/adapters/static-document-loader.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58Encode(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)]! + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

export interface TestKey {
  did: string;
  vm: string;
  privateKey: KeyObject;
  publicJwk: { kty: string; crv: string; x: string };
  multibase: string;
}

/** A deterministic Ed25519 did:key from a one-byte seed (test material only). */
export function testKey(seedByte: number): TestKey {
  const seed = Buffer.alloc(32, seedByte);
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const raw = Buffer.from(publicJwk.x, 'base64url');
  const multibase = `z${base58Encode(new Uint8Array([0xed, 0x01, ...raw]))}`;
  const did = `did:key:${multibase}`;
  return { did, vm: `${did}#${multibase}`, privateKey, publicJwk, multibase };
}

const loader = new StaticDocumentLoader();
const canonize = (doc: unknown) =>
  jsonld.canonize(doc, {
    algorithm: 'URDNA2015',
    format: 'application/n-quads',
    safe: true,
    documentLoader: async (url: string) => {
      const d = loader.load(url);
      if (!d) throw new Error(`context not bundled: ${url}`);
      return d;
    },
  });

/** Add a Data Integrity proof (eddsa-rdfc-2022 or Ed25519Signature2020) signed by `key`. */
export async function signCredential(
  credential: Record<string, unknown>,
  key: TestKey,
  suite: 'eddsa-rdfc-2022' | 'Ed25519Signature2020' = 'eddsa-rdfc-2022',
  options: { verificationMethod?: string; created?: string } = {},
): Promise<Record<string, unknown>> {
  const proof: Record<string, unknown> =
    suite === 'eddsa-rdfc-2022'
      ? { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }
      : { type: 'Ed25519Signature2020' };
  Object.assign(proof, {
    created: options.created ?? '2025-01-01T00:00:00Z',
    verificationMethod: options.verificationMethod ?? key.vm,
    proofPurpose: 'assertionMethod',
  });
  const { proof: _existing, ...unsigned } = credential;
  const hash = async (doc: unknown) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(await canonize(doc))));
  const data = Buffer.concat([await hash({ ...proof, '@context': credential['@context'] }), await hash(unsigned)]);
  const signature = sign(null, data, key.privateKey);
  return { ...unsigned, proof: { ...proof, proofValue: `z${base58Encode(new Uint8Array(signature))}` } };
}

/** A VC-JWT (VC 1.1 `vc` claim) signed with EdDSA by `key`. */
export async function signVcJwt(vc: Record<string, unknown>, key: TestKey, ids: { issuer?: string; kid?: string } = {}): Promise<string> {
  const jwk = await importJWK({ ...key.publicJwk, d: key.privateKey.export({ format: 'jwk' }).d as string }, 'EdDSA');
  return new SignJWT({ vc })
    .setProtectedHeader({ alg: 'EdDSA', kid: ids.kid ?? key.vm, typ: 'JWT' })
    .setIssuer(ids.issuer ?? key.did)
    .setNotBefore(Math.floor(Date.parse('2025-01-01T00:00:00Z') / 1000))
    .sign(jwk);
}
