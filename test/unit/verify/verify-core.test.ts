import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkValidity } from '../../../src/core/verify/check-validity.js';
import { decodeCredentialInput } from '../../../src/core/verify/decode-credential-input.js';
import { base58Decode } from '../../../src/core/verify/encoding.js';
import { extractSkills } from '../../../src/core/verify/extract-skills.js';
import { findIssuer, parseTrustRegistry } from '../../../src/core/verify/issuer-trust.js';
import { readStatusBit } from '../../../src/core/verify/status-bit.js';
import { decideOutcome, type Check } from '../../../src/core/verify/verification.js';
import { didWebUrl } from '../../../src/adapters/did-key-resolver.js';
import { base58Encode } from '../../helpers/sign-credential.js';

const enc = (s: string) => new TextEncoder().encode(s);
const check = (id: string, ok: boolean | null, advisory = false): Check => ({ id, ok, code: 'x', message: '', advisory });

describe('decideOutcome', () => {
  it('never calls "could not check" verified', () => {
    expect(decideOutcome([check('proof', true), check('status', null)])).toBe('unverifiable');
    expect(decideOutcome([check('proof', true), check('status', false)])).toBe('invalid');
    expect(decideOutcome([check('proof', true), check('issuer_trust', false, true)])).toBe('verified');
    expect(decideOutcome([check('parse', true)])).toBe('unverifiable');
    expect(decideOutcome([])).toBe('unverifiable');
  });
});

describe('decodeCredentialInput', () => {
  it('recognises JSON, compact JWTs, URLs and rejects fragments', async () => {
    expect((await decodeCredentialInput(enc('{"a":1}'))).kind).toBe('json');
    expect((await decodeCredentialInput(enc('eyJ0.eyJ1.c2ln'))).kind).toBe('jwt');
    expect((await decodeCredentialInput(enc(' https://example.org/a.json\n'))).kind).toBe('url');
    expect(await decodeCredentialInput(enc('eyJhbGciOiJSUzI1NiJ9eyJhbGciOiJSUzI1NiJ9'))).toMatchObject({ kind: 'error', code: 'jwt_malformed' });
    expect(await decodeCredentialInput(new Uint8Array())).toMatchObject({ kind: 'error', code: 'empty_input' });
    expect(await decodeCredentialInput(enc('<svg><rect/></svg>'))).toMatchObject({ kind: 'error', code: 'svg_not_baked' });
    expect(await decodeCredentialInput(enc('<svg><openbadges:assertion verify="https://x.test/a.json"/></svg>'))).toMatchObject({ kind: 'url', url: 'https://x.test/a.json' });
    expect(await decodeCredentialInput(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatchObject({ kind: 'error', code: 'png_not_baked' });
  });
});

describe('status bits, encodings, validity', () => {
  it('reads bits most-significant first from a multibase GZIP list', async () => {
    const bits = new Uint8Array(16);
    bits[0] = 0b0100_0000;
    bits[1] = 0b0000_0001;
    const list = `u${gzipSync(bits).toString('base64url')}`;
    expect(await readStatusBit(list, 1)).toBe(true);
    expect(await readStatusBit(list, 0)).toBe(false);
    expect(await readStatusBit(list, 15)).toBe(true);
    expect(await readStatusBit(list, 10_000)).toBeNull();
    expect(await readStatusBit('uNOTGZIP', 1)).toBeNull();
  });

  it('round-trips base58', () => {
    const bytes = new Uint8Array([0, 0, 1, 2, 255, 128]);
    expect(base58Decode(base58Encode(bytes))).toEqual(bytes);
    expect(base58Decode('0OIl')).toBeNull();
  });

  it('checks validity windows', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(checkValidity('2025-01-01T00:00:00Z', null, now).ok).toBe(true);
    expect(checkValidity(null, '2025-01-01T00:00:00Z', now).code).toBe('expired');
    expect(checkValidity('2027-01-01T00:00:00Z', null, now).code).toBe('not_yet_valid');
    expect(checkValidity('yesterday', null, now).code).toBe('date_malformed');
  });

  it('maps did:web to its document URL and refuses path tricks', () => {
    expect(didWebUrl('did:web:example.org')).toBe('https://example.org/.well-known/did.json');
    expect(didWebUrl('did:web:example.org%3A8443:users:alice')).toBe('https://example.org:8443/users/alice/did.json');
    expect(didWebUrl('did:web:example.org:..:etc')).toBeNull();
    expect(didWebUrl('did:web:exa mple.org')).toBeNull();
  });
});

describe('trust registries and skills', () => {
  it('reads DCC registries and allow-lists', () => {
    const dcc = parseTrustRegistry({ name: 'DCC Sandbox', registry: { 'did:key:z1': { name: 'Uni' } } }, 'x')!;
    const local = parseTrustRegistry({ issuers: ['did:web:a.test', { id: 'did:key:z2', name: 'B' }] }, 'local')!;
    expect(findIssuer({ registries: [dcc, local] }, 'did:key:z1#key')).toEqual({ registries: ['DCC Sandbox'], name: 'Uni' });
    expect(findIssuer({ registries: [dcc, local] }, 'did:key:z2').registries).toEqual(['local']);
    expect(findIssuer({ registries: [dcc, local] }, 'did:key:other').registries).toEqual([]);
    expect(parseTrustRegistry({ nope: 1 }, 'x')).toBeNull();
  });

  it('extracts EDC related ESCO skills and learning outcomes', () => {
    const edc = {
      credentialSubject: {
        hasClaim: {
          title: { en: 'Data course' },
          specifiedBy: {
            learningOutcome: [
              { title: { en: 'Uses SQL' }, relatedESCOSkill: [{ id: 'http://data.europa.eu/esco/skill/sql', prefLabel: { en: 'SQL' } }] },
              { title: { en: 'Explains normal forms' } },
            ],
          },
        },
      },
    };
    expect(extractSkills(edc)).toEqual([
      { uri: 'http://data.europa.eu/esco/skill/sql', text: 'SQL', provenance: 'edc_esco_skill', framework: 'ESCO' },
      { text: 'Explains normal forms', provenance: 'edc_learning_outcome' },
    ]);
  });
});
