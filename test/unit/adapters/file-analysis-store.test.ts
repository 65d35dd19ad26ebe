import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileAnalysisStore } from '../../../src/adapters/file-analysis-store.js';
import { analysisKey, sampleAnalysis } from '../../contracts/analysis-store.contract.js';

const analysis = sampleAnalysis;
const key = analysisKey;

describe('FileAnalysisStore', () => {
  it('returns null for an unknown key and what was put for a known one', async () => {
    const store = new FileAnalysisStore({ dir: mkdtempSync(join(tmpdir(), 'sp-as-')) });
    expect(await store.get(key(1))).toBeNull();
    await store.put(key(1), analysis('Data engineer'));
    expect((await store.get(key(1)))?.posting.title).toBe('Data engineer');
  });

  it('keeps analyses across instances (a restart) through its files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-as-'));
    await new FileAnalysisStore({ dir }).put(key(2), analysis('Nurse'));
    expect((await new FileAnalysisStore({ dir }).get(key(2)))?.posting.title).toBe('Nurse');
  });

  it('treats a damaged or outdated file as absent and removes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-as-'));
    writeFileSync(join(dir, `${key(3)}.json`), '{"schemaVersion":"0.1", "skills": [');
    writeFileSync(join(dir, `${key(4)}.json`), JSON.stringify({ ...analysis('x'), schemaVersion: '0.9' }));
    const store = new FileAnalysisStore({ dir });
    expect(await store.get(key(3))).toBeNull();
    expect(await store.get(key(4))).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses keys that are not hex digests (no path tricks)', async () => {
    const store = new FileAnalysisStore({ dir: mkdtempSync(join(tmpdir(), 'sp-as-')) });
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/hex/);
    await expect(store.put('ABC', analysis('x'))).rejects.toThrow(/hex/);
  });

  it('stays within its bounds, removing the oldest files first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-as-'));
    const store = new FileAnalysisStore({ dir, maxFiles: 10, memoryEntries: 2 });
    for (let i = 0; i < 10; i++) {
      await store.put(key(100 + i), analysis(`p${i}`));
      const t = new Date(Date.UTC(2026, 0, 1, 0, i));
      utimesSync(join(dir, `${key(100 + i)}.json`), t, t);
    }
    await store.put(key(200), analysis('newest'));
    const left = readdirSync(dir);
    expect(left.length).toBe(9);
    expect(left).toContain(`${key(200)}.json`);
    expect(left).not.toContain(`${key(100)}.json`);
    expect(left).not.toContain(`${key(101)}.json`);
    // Evicted from memory and from disk: gone.
    expect(await store.get(key(100))).toBeNull();
    expect((await store.get(key(109)))?.posting.title).toBe('p9');
  });
});
