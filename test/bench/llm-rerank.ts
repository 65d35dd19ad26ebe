import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../../src/cli/commands/demo.js';
import type { Config } from '../../src/service/config.js';
import { createService } from '../../src/service/create-service.js';
import { startFakeOpenAi, type OpenAiRequest } from '../fixtures/agent/fake-openai-server.js';
import { printTable } from './table.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** The scripted model: the first two candidates of every sentence, answered at once. */
function firstTwo(req: OpenAiRequest) {
  const user = req.messages.find((m) => m.role === 'user')?.content ?? '';
  const data = JSON.parse(/<posting_data>\n([\s\S]*)\n<\/posting_data>/.exec(user)![1]!) as { sentence_id: string; candidates: { id: string }[] }[];
  return { content: JSON.stringify({ results: data.map((s) => ({ sentence_id: s.sentence_id, skills: s.candidates.slice(0, 2).map((c) => c.id) })) }) };
}

/**
 * What the optional LLM re-ranking stage costs per posting besides the model's own latency, which depends on the
 * endpoint and is excluded here: a scripted local server answers at once. Quality cannot be measured offline.
 * Also prints what a posting sends (requests, characters, a rough token count) since that is what a user pays for.
 */
export async function benchLlmRerank(config: Config, sharedDir: string, rounds = 3): Promise<void> {
  console.log('\n## Optional LLM re-ranking: stage overhead (scripted local server, model latency excluded)');
  const server = await startFakeOpenAi(firstTwo);
  try {
    const service = createService({
      config: { ...config, llm: { apiKey: 'bench', baseUrl: server.baseUrl, model: 'scripted' }, llmRerank: true },
      analysisStore: null,
      queryCacheSize: 0,
    });
    const dir = join(sharedDir, 'postings', 'remotewlb');
    const postings = [
      { name: 'example-posting.md', text: readFileSync(join(EXAMPLES_DIR, 'example-posting.md'), 'utf8') },
      ...readdirSync(dir).filter((f) => f.startsWith('en__') && f.endsWith('.md')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
    ];
    for (const p of postings) await service.analyze({ text: p.text });
    const rows: string[][] = [];
    const stage: number[] = [];
    for (const p of postings) {
      const times: number[] = [];
      let sent = { requests: 0, sentences: 0, chars: 0 };
      for (let r = 0; r < rounds; r++) {
        const before = server.requests.length;
        const analysis = await service.analyze({ text: p.text });
        times.push(analysis.timings.llm ?? 0);
        const reqs = server.requests.slice(before);
        sent = {
          requests: reqs.length,
          sentences: reqs.reduce((n, q) => n + (q.messages[1]?.content?.match(/"sentence_id"/g)?.length ?? 0), 0),
          chars: reqs.reduce((n, q) => n + q.messages.reduce((m, x) => m + (x.content?.length ?? 0), 0), 0),
        };
      }
      stage.push(...times);
      rows.push([p.name.slice(0, 44), String(sent.sentences), String(sent.requests), String(sent.chars), `~${Math.round(sent.chars / 4)}`, pct(times, 50).toFixed(1)]);
    }
    printTable(['posting', 'sentences sent', 'requests', 'prompt chars', 'tokens', 'stage p50 ms'], rows);
    console.log(`stage overhead: p50 ${pct(stage, 50).toFixed(1)} ms, p95 ${pct(stage, 95).toFixed(1)} ms per posting; with a real endpoint add its latency × ⌈requests / 2⌉`);
    await service.close();
  } finally {
    await server.close();
  }
}
