import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ChatPostingSchema, newConversation, type ChatAgent, type Conversation, type ConversationStore } from '../../agent/conversation.js';
import { errorToHttp, HttpProblem } from '../error-to-http.js';
import type { Pairing } from '../pairing.js';
import { corsHeaders } from '../security.js';
import { describeIssues } from './capability-routes.js';

export const ChatInputSchema = z.object({
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional().describe('Conversation to continue (or to start with this id); omit for a new one'),
  message: z.string().min(1).max(4000).describe('What the user typed'),
  posting: ChatPostingSchema.optional().describe('The posting open in the browser; replaces the conversation posting'),
});

export interface ChatRouteDeps {
  agent: ChatAgent;
  store: ConversationStore;
  pairing: Pairing;
  now?: () => number;
}

/** POST /v1/chat (server-sent events: token, tool_start, tool_end, done, error) and GET /v1/conversations/:id. */
export function registerChatRoute(app: FastifyInstance, deps: ChatRouteDeps): void {
  const now = deps.now ?? (() => Date.now());
  const { store, agent } = deps;

  app.get<{ Params: { id: string } }>('/v1/conversations/:id', async (req) => {
    const conv = store.load(req.params.id);
    if (!conv) throw new HttpProblem(404, 'conversation_not_found', 'No conversation with this id.');
    return conv;
  });

  // Turns of one conversation run one after another, so two tabs cannot interleave their writes.
  const queues = new Map<string, Promise<unknown>>();
  const serially = <T>(id: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(id) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    queues.set(id, tail);
    void tail.then(() => {
      if (queues.get(id) === tail) queues.delete(id);
    });
    return run;
  };

  app.post('/v1/chat', async (req, reply) => {
    const parsed = ChatInputSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request', describeIssues(parsed.error));
    const input = parsed.data;
    // A client may choose the id of a new conversation, so it knows it before the first answer arrives.
    const id = input.conversationId ?? randomBytes(12).toString('base64url');

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...corsHeaders(req, deps.pairing),
    });
    const send = (event: string, data: unknown) => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    await serially(id, async () => {
      try {
        const conv: Conversation = store.load(id) ?? newConversation(id, now(), store.loadProfile().heldSkills);
        if (input.posting) conv.memory.posting = input.posting;
        // The user's message is durable before any work starts, so a crash cannot lose it.
        conv.messages.push({ role: 'user', content: input.message, at: now() });
        conv.updatedAt = now();
        store.save(conv);
        const turn = await agent.reply(
          structuredClone(conv),
          input.message,
          {
            token: (text) => send('token', { text }),
            toolStart: (name, args) => send('tool_start', { name, args }),
            toolEnd: (name, ok) => send('tool_end', { name, ok }),
            checkpoint: (memory) => {
              conv.memory = memory;
              store.save(conv);
            },
          },
          abort.signal,
        );
        conv.memory = turn.memory;
        conv.messages.push({ role: 'assistant', content: turn.text, at: now(), tools: turn.tools });
        conv.updatedAt = now();
        store.save(conv);
        const held = store.loadProfile().heldSkills;
        const merged = [...new Set([...held, ...turn.memory.heldSkills])];
        if (merged.length !== held.length) store.saveProfile({ heldSkills: merged });
        send('done', { conversationId: conv.id, text: turn.text, tools: turn.tools });
      } catch (e) {
        send('error', errorToHttp(e).body);
      } finally {
        res.end();
      }
    });
  });
}
