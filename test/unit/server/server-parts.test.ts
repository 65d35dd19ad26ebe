import { describe, expect, it } from 'vitest';
import { ConfigError, DataError, FetchError, InputError, SkillProofError } from '../../../src/core/errors.js';
import { errorToHttp } from '../../../src/server/error-to-http.js';
import { createRateLimiter } from '../../../src/server/rate-limiter.js';

describe('errorToHttp', () => {
  it('maps each error family to one status', () => {
    expect(errorToHttp(new InputError('empty_posting', 'Empty.')).status).toBe(422);
    expect(errorToHttp(new ConfigError('no_esco', 'No ESCO.')).status).toBe(503);
    expect(errorToHttp(new DataError('bad_index', 'Bad index.')).status).toBe(503);
    expect(errorToHttp(new FetchError('fetch_refused', 'Refused.')).status).toBe(502);
    expect(errorToHttp(new SkillProofError('other', 'Other.')).status).toBe(500);
  });
  it('hides the internals of unknown faults', () => {
    const r = errorToHttp(new TypeError('Cannot read properties of undefined (reading "secret") at /home/x.ts:3'));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toMatch(/secret|home/);
  });
});

describe('token bucket', () => {
  it('allows a burst, then refills over time', () => {
    let t = 0;
    const rl = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: () => t });
    expect([rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, false]);
    expect(rl.take('b')).toBe(true);
    t = 1000;
    expect(rl.take('a')).toBe(true);
    expect(rl.take('a')).toBe(false);
  });
});
