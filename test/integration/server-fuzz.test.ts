import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, hostileBody, rng } from '../fixtures/agent/schema-fuzzer.js';
import { httpRequest } from '../fixtures/agent/http-client.js';
import { startTestServer, type TestServer } from '../fixtures/agent/test-server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ rateLimit: null, bodyLimit: 256 * 1024 });
});
afterAll(() => s.close());

type Op = { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } };

describe('OpenAPI-driven fuzzing against a running server', () => {
  it('never answers 5xx, and every error is {code, message}', async () => {
    const doc = (await httpRequest(s.port, 'GET', '/v1/openapi.json')).json() as { paths: Record<string, Record<string, Op>> };
    const rand = rng(20260601);
    let requests = 0;
    const statuses = new Map<number, number>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.post;
      if (!op?.requestBody) continue;
      const schema = op.requestBody.content['application/json']!.schema;
      for (let i = 0; i < 60; i++) {
        const body = i % 6 === 5 ? hostileBody(rand) : JSON.stringify(generate(schema, rand, i % 3 === 0 ? 0 : 0.15));
        const headers = { ...s.auth, 'content-type': i % 17 === 16 ? 'text/plain' : 'application/json' };
        const r = await httpRequest(s.port, 'POST', path, { headers, body });
        requests++;
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        expect(r.status, `${path} ${body.slice(0, 200)} → ${r.text.slice(0, 200)}`).toBeLessThan(500);
        if (r.status >= 400) expect(Object.keys(r.json()).sort(), `${path} ${r.text}`).toEqual(['code', 'message']);
      }
    }
    expect(requests).toBeGreaterThanOrEqual(400);
    // Some generated bodies must have been accepted, or the fuzzer only tested the validator.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(10);
    expect((await httpRequest(s.port, 'GET', '/v1/health')).status).toBe(200);
  }, 120_000);
});
