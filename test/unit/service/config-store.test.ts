import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/service/config.js';

describe('store configuration', () => {
  it('defaults to the embedded store with rate limits on', () => {
    const c = loadConfig({});
    expect(c.store).toEqual({ kind: 'embedded', databaseUrl: null, efSearch: null });
    expect(c.rateLimit).toEqual({ capacity: 120, refillPerSecond: 20 });
  });
  it('postgres needs DATABASE_URL, and says so', () => {
    expect(() => loadConfig({ SKILLPROOF_STORE: 'postgres' })).toThrow(expect.objectContaining({ code: 'database_url_missing', message: expect.stringContaining('DATABASE_URL') }));
    expect(() => loadConfig({ SKILLPROOF_STORE: 'postgres', DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ SKILLPROOF_STORE: 'mongo' })).toThrow(/SKILLPROOF_STORE/);
  });
  it('reads the database settings and the rate limit', () => {
    const c = loadConfig({ SKILLPROOF_STORE: 'postgres', DATABASE_URL: 'postgres://u:p@db:5432/sp', SKILLPROOF_PG_EF_SEARCH: '300', SKILLPROOF_RATE_LIMIT: 'off' });
    expect(c.store).toEqual({ kind: 'postgres', databaseUrl: 'postgres://u:p@db:5432/sp', efSearch: 300 });
    expect(c.rateLimit).toBeNull();
    expect(loadConfig({ SKILLPROOF_RATE_LIMIT: '10/2.5' }).rateLimit).toEqual({ capacity: 10, refillPerSecond: 2.5 });
    expect(() => loadConfig({ SKILLPROOF_RATE_LIMIT: 'lots' })).toThrow(/burst\/perSecond/);
  });
});
