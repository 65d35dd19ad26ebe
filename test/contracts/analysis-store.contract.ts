/** The AnalysisStore contract (src/ports/analysis-store.ts), shared by the embedded and the postgres adapter. */
import { describe, expect, it } from 'vitest';
import { ANALYSIS_SCHEMA_VERSION, type PostingAnalysis } from '../../src/core/analysis.js';
import type { AnalysisStore } from '../../src/ports/analysis-store.js';

export function sampleAnalysis(title: string): PostingAnalysis {
  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    posting: { title, organisation: null, location: null, language: 'en', url: null, sentenceCount: 3 },
    skills: [],
    occupations: [],
    implied: [],
    notes: [],
    timings: { read: 1 },
    model: { embedder: 'fake', escoVersion: 'test' },
  };
}

export const analysisKey = (n: number) => n.toString(16).padStart(64, '0');

export interface AnalysisStoreFactory {
  /** A fresh store, a second instance over the same storage, and a way to damage one stored entry. */
  open(): Promise<{ store: AnalysisStore; reopen: () => Promise<AnalysisStore>; damage: (key: string) => Promise<void> }>;
}

export function analysisStoreContract(name: string, factory: AnalysisStoreFactory): void {
  describe(`AnalysisStore contract: ${name}`, () => {
    it('returns null for an unknown key and what was put for a known one; put replaces', async () => {
      const { store } = await factory.open();
      expect(await store.get(analysisKey(1))).toBeNull();
      await store.put(analysisKey(1), sampleAnalysis('Data engineer'));
      expect((await store.get(analysisKey(1)))?.posting.title).toBe('Data engineer');
      await store.put(analysisKey(1), sampleAnalysis('Data engineer II'));
      expect((await store.get(analysisKey(1)))?.posting.title).toBe('Data engineer II');
    });
    it('another instance over the same storage sees what was put', async () => {
      const { store, reopen } = await factory.open();
      await store.put(analysisKey(2), sampleAnalysis('Nurse'));
      expect((await (await reopen()).get(analysisKey(2)))?.posting.title).toBe('Nurse');
    });
    it('an entry that cannot be read back as a valid analysis is absent, not an error', async () => {
      const { store, reopen, damage } = await factory.open();
      await store.put(analysisKey(3), sampleAnalysis('x'));
      await damage(analysisKey(3));
      // A fresh instance: what an adapter keeps in memory is not "read back".
      expect(await (await reopen()).get(analysisKey(3))).toBeNull();
    });
    it('refuses keys that are not hex digests', async () => {
      const { store } = await factory.open();
      await expect(store.get('../../etc/passwd')).rejects.toThrow(/hex/);
      await expect(store.put('ABC', sampleAnalysis('x'))).rejects.toThrow(/hex/);
    });
  });
}
