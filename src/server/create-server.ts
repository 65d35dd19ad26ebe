import Fastify, { type FastifyInstance } from 'fastify';
import type { ChatAgent, ConversationStore } from '../agent/conversation.js';
import { fallbackAgent } from '../agent/fallback-agent.js';
import { createLlmAgent } from '../agent/llm-agent.js';
import { createOfflineAgent } from '../agent/offline-agent.js';
import type { SkillProofService } from '../service/service-types.js';
import { errorToHttp } from './error-to-http.js';
import { createFileConversationStore } from './file-conversation-store.js';
import { buildOpenApi } from './openapi.js';
import { Pairing, type PairingOptions } from './pairing.js';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limiter.js';
import { registerCapabilityRoutes } from './routes/capability-routes.js';
import { registerChatRoute } from './routes/chat-route.js';
import { registerMetaRoutes } from './routes/meta-routes.js';
import { DEFAULT_ALLOWED_HOSTS, registerSecurity } from './security.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Pairing state: `issueCode()` makes the one-time code to show the user. */
    pairing: Pairing;
  }
}

export interface ServerOptions {
  /** Where pairings and conversations are kept; default `service.config.dataDir`. */
  dataDir?: string;
  /** Chat agent; default the LLM agent when `config.llm` is set, else the offline engine. */
  agent?: ChatAgent;
  store?: ConversationStore;
  /** Largest request body in bytes (default 10 MiB, enough for an 8 MB base64 PDF). */
  bodyLimit?: number;
  /** Token bucket per token/IP; `null` turns limiting off (load tests). Default 120 burst, 20/s. */
  rateLimit?: RateLimitOptions | RateLimiter | null;
  /** Host names accepted in the Host header (default loopback names). */
  allowedHosts?: readonly string[];
  pairing?: Omit<PairingOptions, 'dataDir'>;
  version?: string;
}

/** Build the HTTP app (not listening yet): `await app.listen({ host: '127.0.0.1', port })`. */
export async function createServer(service: SkillProofService, options: ServerOptions = {}): Promise<FastifyInstance> {
  const dataDir = options.dataDir ?? service.config.dataDir;
  // No request logging at all: bodies and URLs may carry the user's postings and credentials.
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024 });
  const pairing = new Pairing({ dataDir, ...options.pairing });
  app.decorate('pairing', pairing);
  const rl = options.rateLimit === undefined ? { capacity: 120, refillPerSecond: 20 } : options.rateLimit;
  const limiter = rl === null ? null : 'take' in rl ? rl : createRateLimiter(rl);
  registerSecurity(app, { pairing, limiter, allowedHosts: options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS });

  app.setErrorHandler((error, _req, reply) => {
    const { status, body } = errorToHttp(error);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ code: 'not_found', message: 'No such route.' }));

  const offline = createOfflineAgent(service);
  const llm = service.config.llm;
  const agent = options.agent ?? (llm ? fallbackAgent(createLlmAgent(service, llm), offline) : offline);
  const store = options.store ?? createFileConversationStore(dataDir);
  let openapi: Record<string, unknown> | null = null;
  registerMetaRoutes(app, service, pairing, () => (openapi ??= buildOpenApi(options.version ?? '0.1.0')));
  registerCapabilityRoutes(app, service);
  registerChatRoute(app, { agent, store, pairing });
  return app;
}
