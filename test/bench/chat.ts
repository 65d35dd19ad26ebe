/**
 * First streamed chat token in offline mode, measured over real HTTP on loopback.
 * `benchChat(service?)` — the lead passes the real service from `npm run bench`; alone it runs on the fake one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from '../../src/server/create-server.js';
import type { SkillProofService } from '../../src/service/service-types.js';
import { DEVOPS_POSTING } from '../fixtures/agent/fake-data.js';
import { createFakeService } from '../fixtures/agent/fake-service.js';
import { httpRequest } from '../fixtures/agent/http-client.js';
import { chatStream } from '../fixtures/agent/sse-client.js';
import { EXT_ORIGIN } from '../fixtures/agent/test-server.js';
import { printTable } from './table.js';

const MESSAGES = ['What skills does this job need?', 'What am I missing?', 'Which courses should I take?', 'cheaper?', 'Why is Kubernetes missing?', 'What does EQF 5 mean?'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

export interface ChatBenchResult {
  turns: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Time to first `token` event for `rounds` × 6 offline chat turns (first call per posting includes analysis). */
export async function benchChat(service?: SkillProofService, options: { rounds?: number; posting?: string } = {}): Promise<ChatBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-bench-chat-'));
  const svc = service ?? createFakeService({ dataDir });
  const app = await createServer(svc, { dataDir, agent: undefined, rateLimit: null });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const pair = await httpRequest(port, 'POST', '/v1/pair', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: app.pairing.issueCode(), origin: EXT_ORIGIN }),
  });
  const token = String(pair.json().token);
  const times: number[] = [];
  try {
    for (let round = 0; round < (options.rounds ?? 10); round++) {
      const conversationId = `bench-chat-${round}`;
      for (const [i, message] of MESSAGES.entries()) {
        const body = { conversationId, message, ...(i === 0 ? { posting: { text: options.posting ?? DEVOPS_POSTING } } : {}) };
        const { firstTokenMs } = await chatStream(port, token, body);
        if (firstTokenMs !== null) times.push(firstTokenMs);
      }
    }
  } finally {
    await app.close();
  }
  return { turns: times.length, p50Ms: pct(times, 50), p95Ms: pct(times, 95), maxMs: Math.max(...times) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchChat();
  console.log('\n## Chat: first streamed token, offline engine, fake service, loopback');
  printTable(['turns', 'p50 ms', 'p95 ms', 'max ms'], [[String(r.turns), r.p50Ms.toFixed(1), r.p95Ms.toFixed(1), r.maxMs.toFixed(1)]]);
}
