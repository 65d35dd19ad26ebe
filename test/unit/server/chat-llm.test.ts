import { afterAll, describe, expect, it } from 'vitest';
import { fallbackAgent } from '../../../src/agent/fallback-agent.js';
import { createLlmAgent } from '../../../src/agent/llm-agent.js';
import { createOfflineAgent } from '../../../src/agent/offline-agent.js';
import { createFakeService } from '../../fixtures/agent/fake-service.js';
import { INJECTED_POSTING } from '../../fixtures/agent/fake-data.js';
import { startFakeOpenAi } from '../../fixtures/agent/fake-openai-server.js';
import { chatStream, tokensOf } from '../../fixtures/agent/sse-client.js';
import { startTestServer } from '../../fixtures/agent/test-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe('/v1/chat with an LLM', () => {
  it('streams the model answer end to end through the server', async () => {
    const fake = await startFakeOpenAi((_req, call) =>
      call === 0 ? { toolCalls: [{ name: 'gap', args: '{"heldSkills":["Python"]}' }] } : { content: 'You still need Docker, cloud computing and Linux.' },
    );
    cleanups.push(fake.close);
    const service = createFakeService();
    const agent = createLlmAgent(service, { apiKey: 'k', baseUrl: fake.baseUrl, model: 'scripted' });
    const s = await startTestServer({ agent });
    cleanups.push(s.close);
    const { events } = await chatStream(s.port, s.token, { message: 'What am I missing? I know Python.', posting: { text: INJECTED_POSTING } });
    expect(events.filter((e) => e.event === 'tool_start').map((e) => e.data.name)).toEqual(['gap']);
    expect(tokensOf(events)).toBe('You still need Docker, cloud computing and Linux.');
    expect(events.at(-1)!.event).toBe('done');
    expect(fake.requests[0]!.model).toBe('scripted');
  });

  it('falls back to the offline engine when the model server is down', async () => {
    const service = createFakeService();
    const dead = createLlmAgent(service, { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/v1', model: 'none' });
    const s = await startTestServer({ agent: fallbackAgent(dead, createOfflineAgent(service)) });
    cleanups.push(s.close);
    const { events } = await chatStream(s.port, s.token, { message: 'What does EQF 6 mean?' });
    const text = tokensOf(events);
    expect(text).toMatch(/^The language model is not reachable/);
    expect(text).toMatch(/Level 6/);
    expect(events.at(-1)!.event).toBe('done');
  });
});
