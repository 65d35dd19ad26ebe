import { ConfigError, DataError, FetchError, InputError, isSkillProofError } from '../core/errors.js';

export interface HttpError {
  status: number;
  body: { code: string; message: string };
}

/** Thrown by routes and hooks for an answer with a given status; mapped as is. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Fastify's own client errors (bad JSON, too large, wrong content type) keep their status with a readable code.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_BAD_URL: 'bad_url',
};

/** The one error → HTTP mapping of the server. Unknown faults become 500 without internals. */
export function errorToHttp(e: unknown): HttpError {
  if (e instanceof HttpProblem) return { status: e.status, body: { code: e.code, message: e.message } };
  if (isSkillProofError(e)) {
    const status = e instanceof InputError ? 422 : e instanceof ConfigError || e instanceof DataError ? 503 : e instanceof FetchError ? 502 : 500;
    return { status, body: { code: e.code, message: e.message } };
  }
  const fe = e as { code?: unknown; statusCode?: unknown; message?: unknown } | null;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = typeof fe.code === 'string' ? (FASTIFY_CODES[fe.code] ?? 'bad_request') : 'bad_request';
    const message = code === 'invalid_json' ? 'The request body is not valid JSON.' : code === 'body_too_large' ? 'The request body is too large.' : 'The request could not be read.';
    return { status: fe.statusCode, body: { code, message } };
  }
  return { status: 500, body: { code: 'internal_error', message: 'Something went wrong inside SkillProof; the request was not completed.' } };
}
