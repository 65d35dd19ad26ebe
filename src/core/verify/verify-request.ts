import { z } from 'zod';
import { InputError } from '../errors.js';
import { base64Decode } from './encoding.js';

/** What front ends (HTTP, agent tools) may send to verify: exactly one of text, url, json, base64 bytes. */
export const VerifyRequestSchema = z
  .object({
    text: z.string().max(8_000_000).optional().describe('Credential as JSON text or a compact JWT'),
    url: z.string().url().optional().describe('URL where the credential (or baked badge image) can be fetched'),
    json: z.unknown().optional().describe('Credential as a parsed JSON object'),
    base64: z.string().max(11_000_000).optional().describe('File bytes, base64-encoded (PNG/SVG baked badge, JSON, JWT)'),
    recipient: z.string().max(500).optional().describe('Email, URL or DID the credential should be issued to'),
  })
  .refine((v) => [v.text, v.url, v.json, v.base64].filter((x) => x !== undefined).length === 1, {
    message: 'Give exactly one of text, url, json or base64.',
  });
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

/** The request as verifyCredential's input (`bytes` for base64). */
export function verifyRequest(req: VerifyRequest): { bytes?: Uint8Array; text?: string; url?: string; json?: unknown; recipient?: string } {
  if (req.base64 === undefined) return { text: req.text, url: req.url, json: req.json, recipient: req.recipient };
  const bytes = base64Decode(req.base64);
  if (!bytes) throw new InputError('bad_base64', 'The base64 field is not valid base64; encode the file bytes with standard base64.');
  return { bytes, recipient: req.recipient };
}
