import { describe, expect, it } from 'vitest';
import { verifyCredential } from '../../../src/service/verify-credential.js';
import { fixtureBytes, fixtureDeps } from '../../helpers/fixture-deps.js';

const verifyFile = (name: string, deps = fixtureDeps(), recipient?: string) => verifyCredential({ bytes: fixtureBytes(name), recipient }, deps);
const codes = (v: { checks: { code: string }[] }) => v.checks.map((c) => c.code);

describe('verifyCredential on signed fixtures', () => {
  it.each([
    ['ob3-eddsa-valid.json', 'ob3'],
    ['vc1-ed25519-2020-valid.json', 'ob3'],
    ['vc-jwt-valid.jwt', 'vc-jwt'],
    ['ob3-baked-valid.png', 'ob3'],
    ['ob3-baked-valid.svg', 'ob3'],
    ['ob2-hosted-valid.json', 'ob2-hosted'],
    ['ob2-baked-hosted.png', 'ob2-hosted'],
    ['ob2-signed-valid.jws', 'ob2-signed'],
    ['vc2-didweb-valid.json', 'ob3'],
    ['vc-jwt-didjwk-valid.jwt', 'vc-jwt'],
    ['vc1-statuslist2021-valid.json', 'ob3'],
  ])('%s verifies', async (name, format) => {
    const v = await verifyFile(name);
    expect(v.outcome, codes(v).join(' ')).toBe('verified');
    expect(v.verified).toBe(true);
    expect(v.format).toBe(format);
  });

  it.each([
    ['ob3-eddsa-tampered.json', 'signature_invalid'],
    ['vc-jwt-tampered.jwt', 'signature_invalid'],
    ['ob3-eddsa-revoked.json', 'revoked'],
    ['ob3-eddsa-expired.json', 'expired'],
    ['ob3-eddsa-not-yet-valid.json', 'not_yet_valid'],
    ['ob3-eddsa-wrong-issuer-key.json', 'key_not_issuer'],
    ['ob2-hosted-revoked.json', 'revoked'],
    ['ob2-signed-revoked.jws', 'revoked'],
    ['ob2-signed-tampered.jws', 'signature_invalid'],
    ['vc2-didweb-key-not-listed.json', 'key_not_found'],
    ['vc1-statuslist2021-revoked.json', 'revoked'],
  ])('%s is invalid (%s)', async (name, code) => {
    const v = await verifyFile(name);
    expect(v.outcome).toBe('invalid');
    expect(v.verified).toBe(false);
    expect(codes(v)).toContain(code);
  });

  it.each([
    ['ob3-unsigned.json', 'no_proof'],
    ['ob3-eddsa-status-unreachable.json', 'status_unreachable'],
  ])('%s could not be checked (%s) and is never shown as verified', async (name, code) => {
    const v = await verifyFile(name);
    expect(v.outcome).toBe('unverifiable');
    expect(v.verified).toBe(false);
    expect(codes(v)).toContain(code);
  });

  it('reports the status list as checked for a live credential', async () => {
    const v = await verifyFile('ob3-eddsa-valid.json');
    expect(v.checks.find((c) => c.id === 'status')).toMatchObject({ ok: true, code: 'not_revoked' });
    expect(v.title).toBe('Python Programming');
    expect(v.issuer).toMatchObject({ name: 'SkillProof Test Academy', trusted: null });
  });

  it('marks the issuer trusted when a DCC-format registry lists it, advisory either way', async () => {
    const trusted = await verifyFile('ob3-eddsa-valid.json', fixtureDeps({ trustFiles: ['trust-registry-dcc.json'] }));
    expect(trusted.issuer).toMatchObject({ trusted: true, registries: ['Test Registry'] });
    const untrusted = await verifyFile('ob3-eddsa-valid.json', fixtureDeps({ trust: { registries: [{ name: 'Empty', issuers: new Map() }] } }));
    expect(untrusted.issuer.trusted).toBe(false);
    expect(untrusted.outcome).toBe('verified');
    expect(untrusted.checks.find((c) => c.id === 'issuer_trust')).toMatchObject({ ok: false, advisory: true, code: 'issuer_not_trusted' });
  });

  it('matches the recipient, including an OB 2.0 hashed email', async () => {
    expect((await verifyFile('ob2-hosted-valid.json', fixtureDeps(), 'learner@example.com')).outcome).toBe('verified');
    const wrong = await verifyFile('ob2-hosted-valid.json', fixtureDeps(), 'someone@example.com');
    expect(wrong.outcome).toBe('invalid');
    expect(codes(wrong)).toContain('recipient_mismatch');
    expect((await verifyFile('ob3-eddsa-valid.json', fixtureDeps(), 'did:example:learner-1')).outcome).toBe('verified');
  });

  it('verifies a CLR and each credential inside it', async () => {
    const v = await verifyFile('clr2-nested-valid.json');
    expect(v.format).toBe('clr2');
    expect(v.outcome).toBe('verified');
    expect(v.nested.map((n) => n.outcome)).toEqual(['verified', 'invalid']);
    expect(v.checks.find((c) => c.id === 'nested')).toMatchObject({ ok: false, advisory: true });
  });

  it('extracts skills: explicit ESCO alignment, badge text, and linked text through the injected linker', async () => {
    const ob3 = await verifyFile('ob3-eddsa-valid.json');
    expect(ob3.skills[0]).toMatchObject({ uri: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', provenance: 'esco_alignment' });
    const linkTexts = async (texts: string[]) => texts.map((t) => (/sql/i.test(t) ? [{ uri: 'http://data.europa.eu/esco/skill/sql', label: 'SQL', score: 0.9 }] : []));
    const ob2 = await verifyFile('ob2-hosted-valid.json', fixtureDeps({ linkTexts }));
    expect(ob2.skills).toContainEqual(expect.objectContaining({ uri: 'http://data.europa.eu/esco/skill/sql', provenance: 'linked_text' }));
  });

  it('adds a topicality note for old credentials without changing the outcome', async () => {
    const v = await verifyFile('ob3-eddsa-valid.json', fixtureDeps({ now: () => new Date('2030-06-01T00:00:00Z') }));
    expect(v.outcome).toBe('verified');
    expect(v.checks.find((c) => c.id === 'topicality')).toMatchObject({ code: 'credential_old', advisory: true });
  });

  it('turns bad input into a step log, not an exception', async () => {
    for (const text of ['', '{', '[]', 'hello', 'eyJhbGciOiJSUzI1NiJ9', '{"@context":"x"}', 'a.b.c']) {
      const v = await verifyCredential({ text }, fixtureDeps());
      expect(v.verified).toBe(false);
      expect(v.checks.length).toBeGreaterThan(0);
    }
    const offline = await verifyCredential({ url: 'https://nowhere.skillproof.test/badge.json' }, fixtureDeps());
    expect(offline.outcome).toBe('unverifiable');
  });
});

describe('status list sharing', () => {
  it('fetches a status list once per matchCandidate call, however many credentials use it', async () => {
    const { matchCandidate } = await import('../../../src/service/match-candidate.js');
    const base = fixtureDeps();
    const urls: string[] = [];
    const fetcher = { fetch: (url: string, o?: Parameters<typeof base.fetcher.fetch>[1]) => (urls.push(url), base.fetcher.fetch(url, o)) };
    const posting = {
      schemaVersion: '1.0' as const,
      posting: { title: null, organisation: null, location: null, language: 'en', url: null, sentenceCount: 0 },
      skills: [],
      occupations: [],
      implied: [],
      notes: [],
      timings: {},
      model: { embedder: 'x', escoVersion: 'x' },
    };
    const credentials = ['ob3-eddsa-valid.json', 'ob3-eddsa-revoked.json'].map((f) => ({ label: f, bytes: fixtureBytes(f) }));
    const { verifications } = await matchCandidate({ posting, credentials }, { ...base, fetcher });
    expect(verifications.map((v) => v.outcome)).toEqual(['verified', 'invalid']);
    expect(urls.filter((u) => u.includes('/lists/1'))).toHaveLength(1);
  });
});

describe('presentations', () => {
  it('verifies each credential inside a Verifiable Presentation on its own', async () => {
    const read = (f: string) => JSON.parse(new TextDecoder().decode(fixtureBytes(f)));
    const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [read('ob3-eddsa-valid.json'), read('ob3-eddsa-tampered.json')] };
    const v = await verifyCredential({ json: vp }, fixtureDeps());
    expect(v.format).toBe('vp');
    expect(v.verified).toBe(false);
    expect(v.nested.map((n) => n.outcome)).toEqual(['verified', 'invalid']);
  });
});
