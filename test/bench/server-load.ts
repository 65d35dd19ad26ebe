/**
 * Loopback load test of the HTTP server with autocannon: `/v1/health` and `/v1/analyze` on a typical posting.
 * `benchServerLoad(service?)` — the lead passes the real service from `npm run bench`; alone it runs on the fake one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { createServer } from '../../src/server/create-server.js';
import type { SkillProofService } from '../../src/service/service-types.js';
import { DEVOPS_POSTING } from '../fixtures/agent/fake-data.js';
import { createFakeService } from '../fixtures/agent/fake-service.js';
import { httpRequest } from '../fixtures/agent/http-client.js';
import { EXT_ORIGIN } from '../fixtures/agent/test-server.js';
import { printTable } from './table.js';

export interface LoadResult {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  total: number;
}

export interface LoadOptions {
  durationSeconds?: number;
  connections?: number;
  /** Posting text for /v1/analyze (default: a short DevOps posting). */
  posting?: string;
  /** Instead: these postings in turn, one per request (label for the table row). */
  rotate?: { label: string; postings: string[] };
  /** Skip the /v1/health run. */
  skipHealth?: boolean;
}

/** Run autocannon against a fresh server on 127.0.0.1 (rate limiting off, pairing done). */
export async function benchServerLoad(service?: SkillProofService, options: LoadOptions = {}): Promise<LoadResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-bench-load-'));
  const app = await createServer(service ?? createFakeService({ dataDir }), { dataDir, rateLimit: null });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const pair = await httpRequest(port, 'POST', '/v1/pair', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: app.pairing.issueCode(), origin: EXT_ORIGIN }),
  });
  const auth = `Bearer ${String(pair.json().token)}`;
  const run = async (route: string, init: Partial<autocannon.Options>): Promise<LoadResult> => {
    const r = await autocannon({
      url: `http://127.0.0.1:${port}${route}`,
      connections: options.connections ?? 10,
      // The load generator runs in its own thread so it does not share the server's event loop.
      workers: 1,
      duration: options.durationSeconds ?? 10,
      headers: { authorization: auth, 'content-type': 'application/json' },
      ...init,
    });
    return { route: init.title ?? route, requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, total: r.requests.total };
  };
  try {
    // Warm the analysis path (model load, caches) before measuring.
    await httpRequest(port, 'POST', '/v1/analyze', { headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ text: options.posting ?? DEVOPS_POSTING }) });
    const results: LoadResult[] = [];
    if (!options.skipHealth) results.push(await run('/v1/health', { method: 'GET' }));
    if (options.rotate) {
      const requests = options.rotate.postings.map((text) => ({ method: 'POST' as const, body: JSON.stringify({ text }) }));
      results.push(await run('/v1/analyze', { title: `/v1/analyze (${options.rotate.label})`, requests }));
    } else {
      results.push(await run('/v1/analyze', { title: '/v1/analyze (same posting)', method: 'POST', body: JSON.stringify({ text: options.posting ?? DEVOPS_POSTING }) }));
    }
    return results;
  } finally {
    await app.close();
  }
}

/** Print results as a table. */
export function printLoad(results: LoadResult[]): void {
  printTable(
    ['route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'requests'],
    results.map((r) => [r.route, r.requestsPerSecond.toFixed(0), String(r.p50Ms), String(r.p99Ms), String(r.errors), String(r.non2xx), String(r.total)]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log('\n## Server load (autocannon, loopback, fake service)');
  printLoad(await benchServerLoad(undefined, { durationSeconds: Number(process.argv[2] ?? 5) }));
}
