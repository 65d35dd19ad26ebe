import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { CAPABILITY_INPUTS, getCapability } from '../../agent/capabilities.js';
import { AnalyzeInputSchema, SearchSkillsInputSchema, type SkillProofService } from '../../service/service-types.js';
import { HttpProblem } from '../error-to-http.js';

/** A POST route: validate the body with `schema`, then `call` the service (null while it lacks the capability). */
export interface CapabilityRoute {
  path: string;
  summary: string;
  schema: z.ZodTypeAny;
  call: (service: SkillProofService) => ((body: never) => Promise<unknown>) | null;
}

// Adding a capability when it lands on the service is one line: its schema and `(s) => (b) => s.name(b)`.
export const CAPABILITY_ROUTES: readonly CapabilityRoute[] = Object.freeze([
  { path: '/v1/analyze', summary: 'Analyse a job posting', schema: AnalyzeInputSchema, call: (s) => (b) => s.analyze(b) },
  { path: '/v1/search-skills', summary: 'Search ESCO skills', schema: SearchSkillsInputSchema, call: (s) => (b) => s.searchSkills(b) },
  { path: '/v1/gap', summary: 'Skill gap of a profile against a posting', schema: CAPABILITY_INPUTS.gap, call: (s) => getCapability(s, 'gap') },
  { path: '/v1/plan', summary: 'Plan credentials closing a gap', schema: CAPABILITY_INPUTS.plan, call: (s) => getCapability(s, 'plan') },
  { path: '/v1/verify', summary: 'Verify a digital credential', schema: CAPABILITY_INPUTS.verify, call: (s) => getCapability(s, 'verify') },
  { path: '/v1/match-candidate', summary: 'Match a candidate to a posting', schema: CAPABILITY_INPUTS.matchCandidate, call: (s) => getCapability(s, 'matchCandidate') },
]);

/** Zod issues as one readable sentence. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
}

/** Register the validate → call → reply routes. */
export function registerCapabilityRoutes(app: FastifyInstance, service: SkillProofService): void {
  for (const route of CAPABILITY_ROUTES) {
    app.post(route.path, async (req) => {
      const fn = route.call(service);
      if (!fn) throw new HttpProblem(501, 'not_implemented', `${route.path} is not available in this version of SkillProof yet.`);
      const parsed = route.schema.safeParse(req.body);
      if (!parsed.success) throw new HttpProblem(400, 'invalid_request', describeIssues(parsed.error));
      return fn(parsed.data as never);
    });
  }
}
