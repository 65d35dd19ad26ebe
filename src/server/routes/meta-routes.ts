import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SkillProofService } from '../../service/service-types.js';
import { HttpProblem } from '../error-to-http.js';
import type { Pairing } from '../pairing.js';
import { describeIssues } from './capability-routes.js';

export const PairInputSchema = z.object({
  code: z.string().regex(/^\d{8}$/).describe('The one-time code the server printed at start'),
  origin: z.string().max(100).describe('The extension origin, chrome-extension://<id>'),
});

/** Health, OpenAPI document and pairing: the routes that need no token. */
export function registerMetaRoutes(app: FastifyInstance, service: SkillProofService, pairing: Pairing, openapi: () => unknown): void {
  app.get('/v1/health', async () => service.health());
  app.get('/v1/openapi.json', async () => openapi());
  app.post('/v1/pair', async (req) => {
    const parsed = PairInputSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request', describeIssues(parsed.error));
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== parsed.data.origin)
      throw new HttpProblem(403, 'forbidden_origin', 'The origin in the body must be the caller’s origin.');
    const r = await pairing.pair(parsed.data.code, parsed.data.origin);
    if (!r.ok) throw new HttpProblem(r.code === 'origin_not_allowed' ? 403 : 401, r.code, r.message);
    return { token: r.token, expiresAt: new Date(r.expiresAt).toISOString() };
  });
}
