import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from './error-to-http.js';
import { EXTENSION_ORIGIN, type Pairing } from './pairing.js';
import type { RateLimiter } from './rate-limiter.js';

export interface SecurityOptions {
  pairing: Pairing;
  limiter: RateLimiter | null;
  /** Host names (without port) accepted in the Host header; loopback names by default. */
  allowedHosts: readonly string[];
}

const PUBLIC = new Set(['/v1/health', '/v1/openapi.json', '/v1/pair']);
export const DEFAULT_ALLOWED_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function hostName(host: string | undefined): string | null {
  const m = host?.toLowerCase().match(/^(\[[0-9a-f:]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/);
  return m ? m[1]! : null;
}

const pathOf = (req: FastifyRequest) => req.url.split('?')[0]!;

/** Origins allowed to read this response from a browser: paired extensions, and any extension for /v1/pair. */
function allowedOrigin(req: FastifyRequest, pairing: Pairing): string | null {
  const origin = req.headers.origin;
  if (!origin) return null;
  if (pairing.isPairedOrigin(origin)) return origin;
  return pathOf(req) === '/v1/pair' && EXTENSION_ORIGIN.test(origin) ? origin : null;
}

/** CORS headers for an allowed origin; also used by streaming routes that write the raw response. */
export function corsHeaders(req: FastifyRequest, pairing: Pairing): Record<string, string> {
  const origin = allowedOrigin(req, pairing);
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

/**
 * Guards every request: loopback Host only (DNS rebinding), no foreign Origin, a pairing token on private routes,
 * and a rate limit per token or IP. CORS is answered only for the paired extension origin.
 */
export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const { pairing, limiter } = options;
  const hosts = new Set(options.allowedHosts.map((h) => h.toLowerCase()));

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    await pairing.refresh();
    const host = hostName(req.headers.host);
    if (!host || !hosts.has(host)) throw new HttpProblem(403, 'forbidden_host', 'Requests must be addressed to localhost.');
    const origin = req.headers.origin;
    const allowed = allowedOrigin(req, pairing);
    if (origin && !allowed) throw new HttpProblem(403, 'forbidden_origin', 'This origin is not paired with SkillProof.');
    if (req.method === 'OPTIONS') {
      reply
        .code(204)
        .headers({
          ...corsHeaders(req, pairing),
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': '600',
        })
        .send();
      return reply;
    }
    let key = `ip:${req.ip}`;
    if (!PUBLIC.has(pathOf(req))) {
      const m = req.headers.authorization?.match(/^Bearer ([A-Za-z0-9_-]{20,200})$/);
      const tokenOrigin = m ? await pairing.verify(m[1]!) : null;
      if (!tokenOrigin) throw new HttpProblem(401, 'unauthorized', 'Pair the extension first: POST /v1/pair with the code the server printed.');
      if (origin && origin !== tokenOrigin) throw new HttpProblem(403, 'forbidden_origin', 'This token belongs to another origin.');
      key = `token:${m![1]!.slice(0, 16)}`;
    }
    if (limiter && !(await limiter.take(key))) throw new HttpProblem(429, 'rate_limited', 'Too many requests; wait a moment and try again.');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(corsHeaders(req, pairing))) reply.header(k, v);
    return payload;
  });
}
