import { zodToJsonSchema } from 'zod-to-json-schema';
import { z } from 'zod';
import { PostingAnalysisSchema, SkillSearchHitSchema } from '../service/service-types.js';
import { CAPABILITY_ROUTES } from './routes/capability-routes.js';
import { ChatInputSchema } from './routes/chat-route.js';
import { PairInputSchema } from './routes/meta-routes.js';

const ErrorSchema = z.object({ code: z.string(), message: z.string() });
const json = (schema: z.ZodTypeAny) => zodToJsonSchema(schema, { target: 'openApi3', $refStrategy: 'none' });
const content = (schema: z.ZodTypeAny) => ({ 'application/json': { schema: json(schema) } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'Error', content: content(ErrorSchema) }]));

const RESPONSES: Record<string, z.ZodTypeAny> = {
  '/v1/analyze': PostingAnalysisSchema,
  '/v1/search-skills': z.array(SkillSearchHitSchema),
};

/** The OpenAPI 3.0 document of the server, generated from the same zod schemas the routes validate with. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const r of CAPABILITY_ROUTES) {
    paths[r.path] = {
      post: {
        summary: r.summary,
        security: [{ bearer: [] }],
        requestBody: { required: true, content: content(r.schema) },
        responses: {
          '200': { description: 'OK', content: content(RESPONSES[r.path] ?? z.object({}).passthrough()) },
          ...errors(400, 401, 403, 413, 422, 429, 500, 501, 502, 503),
        },
      },
    };
  }
  paths['/v1/chat'] = {
    post: {
      summary: 'Chat with the agent; answers as server-sent events (token, tool_start, tool_end, done, error)',
      security: [{ bearer: [] }],
      requestBody: { required: true, content: content(ChatInputSchema) },
      responses: { '200': { description: 'Event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errors(400, 401, 403, 413, 429) },
    },
  };
  paths['/v1/conversations/{id}'] = {
    get: {
      summary: 'A stored conversation with its memory',
      security: [{ bearer: [] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } }],
      responses: { '200': { description: 'Conversation', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors(401, 403, 404) },
    },
  };
  paths['/v1/pair'] = {
    post: {
      summary: 'Exchange the one-time pairing code for a bearer token',
      requestBody: { required: true, content: content(PairInputSchema) },
      responses: {
        '200': { description: 'Token', content: content(z.object({ token: z.string(), expiresAt: z.string() })) },
        ...errors(400, 401, 403, 429),
      },
    },
  };
  paths['/v1/health'] = {
    get: {
      summary: 'Liveness and the loaded taxonomy',
      responses: {
        '200': {
          description: 'OK',
          content: content(z.object({ ok: z.boolean(), escoVersion: z.string(), embedder: z.string(), skills: z.number() })),
        },
      },
    },
  };
  paths['/v1/openapi.json'] = { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.0 JSON' } } } };
  return {
    openapi: '3.0.3',
    info: { title: 'SkillProof local service', version },
    servers: [{ url: 'http://127.0.0.1:4477' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
