import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../../src/server/create-server.js';
import { createFakeService } from '../../fixtures/agent/fake-service.js';
import { DEVOPS_POSTING } from '../../fixtures/agent/fake-data.js';
import { httpRequest } from '../../fixtures/agent/http-client.js';
import { EXT_ORIGIN, startTestServer, type TestServer } from '../../fixtures/agent/test-server.js';

const json = { 'content-type': 'application/json' };
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ bodyLimit: 64 * 1024 });
});
afterAll(() => s.close());

describe('server security', () => {
  it('answers health without a token, and analyze with one', async () => {
    expect((await httpRequest(s.port, 'GET', '/v1/health')).json()).toMatchObject({ ok: true });
    const r = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: { ...json, ...s.auth }, body: JSON.stringify({ text: DEVOPS_POSTING }) });
    expect(r.status).toBe(200);
    expect((r.json().skills as { label: string }[]).map((x) => x.label)).toContain('Docker');
  });

  it('rejects an unpaired caller', async () => {
    const r = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: json, body: JSON.stringify({ text: 'x' }) });
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ code: 'unauthorized' });
    const bad = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: { ...json, authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, body: '{}' });
    expect(bad.status).toBe(401);
  });

  it('rejects a foreign Origin even with a valid token, and gives it no CORS', async () => {
    const r = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: { ...json, ...s.auth, origin: 'https://evil.example' }, body: '{"text":"x"}' });
    expect(r.status).toBe(403);
    expect(r.json()).toMatchObject({ code: 'forbidden_origin' });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    const other = await httpRequest(s.port, 'GET', '/v1/health', { headers: { origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba' } });
    expect(other.status).toBe(403);
    const pre = await httpRequest(s.port, 'OPTIONS', '/v1/analyze', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(403);
  });

  it('allows CORS for the paired extension origin only', async () => {
    const pre = await httpRequest(s.port, 'OPTIONS', '/v1/analyze', { headers: { origin: EXT_ORIGIN, 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(EXT_ORIGIN);
    const r = await httpRequest(s.port, 'POST', '/v1/search-skills', { headers: { ...json, ...s.auth, origin: EXT_ORIGIN }, body: '{"query":"docker"}' });
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe(EXT_ORIGIN);
  });

  it('rejects a rebinding Host header', async () => {
    for (const host of ['evil.example', 'evil.example:4477', '127.0.0.1.evil.example', 'localhost.evil.example:80']) {
      const r = await httpRequest(s.port, 'GET', '/v1/health', { headers: { host } });
      expect(r.status, host).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    const r = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: { ...json, ...s.auth, host: 'attacker.test' }, body: '{"text":"x"}' });
    expect(r.json()).toMatchObject({ code: 'forbidden_host' });
    expect((await httpRequest(s.port, 'GET', '/v1/health', { headers: { host: `localhost:${s.port}` } })).status).toBe(200);
  });

  it('answers malformed JSON with 400 {code, message} and oversized bodies with 413', async () => {
    const bad = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: { ...json, ...s.auth }, body: '{"text": ' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({ code: 'invalid_json', message: expect.any(String) });
    const invalid = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: { ...json, ...s.auth }, body: '{"text":"a","url":"https://x.org"}' });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'invalid_request' });
    const big = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: { ...json, ...s.auth }, body: JSON.stringify({ text: 'x'.repeat(100_000) }) });
    expect(big.status).toBe(413);
    expect(big.json()).toMatchObject({ code: 'body_too_large' });
  });

  it('maps service errors without leaking internals', async () => {
    const empty = await httpRequest(s.port, 'POST', '/v1/analyze', { headers: { ...json, ...s.auth }, body: '{"text":"   "}' });
    expect(empty.status).toBe(422);
    expect(empty.json()).toEqual({ code: 'empty_posting', message: 'The posting is empty.' });
    const nf = await httpRequest(s.port, 'GET', '/v1/nope', { headers: s.auth });
    expect(nf.json()).toMatchObject({ code: 'not_found' });
  });

  it('pairs once per code, only extension origins, and keeps pairings across restarts', async () => {
    const code = s.app.pairing.issueCode();
    const web = await httpRequest(s.port, 'POST', '/v1/pair', { headers: json, body: JSON.stringify({ code, origin: 'https://evil.example' }) });
    expect(web.status).toBe(403);
    const ok = await httpRequest(s.port, 'POST', '/v1/pair', { headers: json, body: JSON.stringify({ code, origin: EXT_ORIGIN }) });
    expect(ok.status).toBe(200);
    const again = await httpRequest(s.port, 'POST', '/v1/pair', { headers: json, body: JSON.stringify({ code, origin: EXT_ORIGIN }) });
    expect(again.json()).toMatchObject({ code: 'invalid_pairing_code' });
    const app2 = await createServer(createFakeService({ dataDir: s.dataDir }), { dataDir: s.dataDir });
    await app2.listen({ host: '127.0.0.1', port: 0 });
    const port2 = (app2.server.address() as { port: number }).port;
    const r = await httpRequest(port2, 'POST', '/v1/search-skills', { headers: { ...json, authorization: `Bearer ${String(ok.json().token)}` }, body: '{"query":"sql"}' });
    expect(r.status).toBe(200);
    await app2.close();
  });

  it('rate-limits per token', async () => {
    const t = await startTestServer({ rateLimit: { capacity: 3, refillPerSecond: 0.001 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await httpRequest(t.port, 'POST', '/v1/search-skills', { headers: { ...json, ...t.auth }, body: '{"query":"sql"}' })).status);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    await t.close();
  });

  it('answers 501 for capabilities the service lacks and serves the OpenAPI document', async () => {
    const t = await startTestServer({}, { without: ['verify'] });
    const r = await httpRequest(t.port, 'POST', '/v1/verify', { headers: { ...json, ...t.auth }, body: '{"credential":{}}' });
    expect(r.status).toBe(501);
    expect(r.json()).toMatchObject({ code: 'not_implemented' });
    const doc = (await httpRequest(t.port, 'GET', '/v1/openapi.json')).json();
    expect(Object.keys(doc.paths as object)).toEqual(expect.arrayContaining(['/v1/analyze', '/v1/chat', '/v1/gap', '/v1/health']));
    await t.close();
  });
});
