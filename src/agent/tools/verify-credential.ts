import { z } from 'zod';
import { getCapability, VerifyResultSchema } from '../capabilities.js';
import { defineTool, notAvailable } from './tool-types.js';

/** The service's VerifyInput: a URL is fetched by the verifier; anything else is JSON or a JWT as text. */
function verifyInput(credential: string): { url: string } | { text: string } {
  const t = credential.trim();
  return /^https?:\/\/\S+$/i.test(t) ? { url: t } : { text: t };
}

/** verify_credential: check a digital credential (signature, issuer, dates, revocation) and list its skills. */
export const verifyCredential = defineTool({
  name: 'verify_credential',
  description:
    'Verify a digital credential (Open Badges 3.0 / W3C VC as JSON, a JWT, or a URL): each check with a stable code, ' +
    'the overall verdict, and the ESCO skills it proves.',
  schema: z.object({
    credential: z.string().min(1).max(1_000_000).describe('The credential: JSON text, a compact JWT, or an https URL'),
  }),
  async run(args, ctx) {
    const fn = getCapability(ctx.service, 'verify');
    if (!fn) return notAvailable('verify credentials');
    const raw = await fn(verifyInput(args.credential));
    const parsed = VerifyResultSchema.safeParse(raw);
    return parsed.success ? parsed.data : (raw as Record<string, unknown>);
  },
});
