import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonFileStore } from '../../../src/server/json-file-store.js';
import { Pairing } from '../../../src/server/pairing.js';

const EXT = `chrome-extension://${'a'.repeat(32)}`;
const dir = () => mkdtempSync(join(tmpdir(), 'sp-pairing-'));

describe('Pairing', () => {
  it('expires codes and tokens, and keeps only token hashes on disk', async () => {
    let t = 0;
    const dataDir = dir();
    const p = new Pairing({ dataDir, now: () => t, codeTtlMs: 1000, tokenTtlMs: 5000 });
    const stale = p.issueCode();
    t = 1001;
    expect(p.pair(stale, EXT)).toMatchObject({ ok: false, code: 'invalid_pairing_code' });
    const r = await p.pair(p.issueCode(), EXT);
    if (!r.ok) throw new Error('pairing failed');
    expect(p.check(r.token)).toBe(EXT);
    expect(readFileSync(join(dataDir, 'pairing', 'pairings.json'), 'utf8')).not.toContain(r.token);
    t = 1001 + 5001;
    expect(p.check(r.token)).toBeNull();
  });

  it('burns the code after ten wrong guesses', () => {
    const p = new Pairing({ dataDir: dir() });
    const code = p.issueCode();
    for (let i = 0; i < 10; i++) p.pair(code === '00000000' ? '11111111' : '00000000', EXT);
    expect(p.pair(code, EXT)).toMatchObject({ ok: false });
  });
});

describe('JsonFileStore', () => {
  it('writes atomically, ignores stray temp files, and refuses path-like keys', () => {
    const d = dir();
    const s = new JsonFileStore(d);
    s.write('conv-1', { a: 1 });
    s.write('conv-1', { a: 2 });
    writeFileSync(join(d, 'conv-1.json.deadbeef.tmp'), '{"a": torn');
    expect(s.read('conv-1')).toEqual({ a: 2 });
    expect(s.read('missing')).toBeNull();
    expect(() => s.write('../escape', {})).toThrow(/Invalid store key/);
    expect(readdirSync(d).filter((f) => f.endsWith('.json'))).toEqual(['conv-1.json']);
  });
});
