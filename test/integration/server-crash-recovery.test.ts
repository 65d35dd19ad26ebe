import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEVOPS_POSTING } from '../fixtures/agent/fake-data.js';
import { httpRequest } from '../fixtures/agent/http-client.js';
import { chatStream, tokensOf } from '../fixtures/agent/sse-client.js';
import { EXT_ORIGIN } from '../fixtures/agent/test-server.js';

const LAUNCHER = fileURLToPath(new URL('../fixtures/agent/serve-fake.ts', import.meta.url));
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

async function launch(dataDir: string, planDelayMs: number): Promise<{ child: ChildProcess; port: number; code: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', LAUNCHER, dataDir, String(planDelayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const { port, code } = JSON.parse(line) as { port: number; code: string };
  return { child, port, code };
}

describe('server killed mid-chat', () => {
  it('loses no message and no correction after kill -9 and restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sp-crash-'));
    const first = await launch(dataDir, 5_000);
    const pair = await httpRequest(first.port, 'POST', '/v1/pair', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: first.code, origin: EXT_ORIGIN }),
    });
    const token = String(pair.json().token);
    const conversationId = 'crash-test-conversation';
    const t1 = await chatStream(first.port, token, { conversationId, message: 'I already have Python', posting: { text: DEVOPS_POSTING } });
    expect(t1.events.at(-1)!.event).toBe('done');
    // The planner is slow in this server: kill it while it plans the corrected request.
    await chatStream(first.port, token, { conversationId, message: "I don't want AWS, which courses should I take?" }, (e) => e.event === 'tool_start');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await launch(dataDir, 0);
    const stored = await httpRequest(second.port, 'GET', `/v1/conversations/${conversationId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(stored.status).toBe(200);
    const conv = stored.json() as { messages: { role: string; content: string }[]; memory: { heldSkills: string[]; constraints: Record<string, unknown> } };
    expect(conv.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(conv.messages[2]!.content).toBe("I don't want AWS, which courses should I take?");
    expect(conv.memory.heldSkills).toEqual(['Python']);
    expect(conv.memory.constraints.excludeProviders).toEqual(['aws']);

    const t3 = await chatStream(second.port, token, { conversationId, message: 'Which courses should I take?' });
    const answer = tokensOf(t3.events);
    expect(answer).toMatch(/Microsoft Azure Fundamentals/);
    expect(answer).not.toMatch(/AWS Certified|Python for Everybody/);
  }, 60_000);
});
