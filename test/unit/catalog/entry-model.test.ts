import { describe, expect, it } from 'vitest';
import { assessCompleteness, EU_ELEMENTS } from '../../../src/core/catalog/assess-completeness.js';
import { CredentialEntrySchema } from '../../../src/core/catalog/credential-entry.js';
import { dedupeEntries } from '../../../src/core/catalog/dedupe-entries.js';
import { entryId } from '../../../src/core/catalog/entry-key.js';
import { mergeEntries } from '../../../src/core/catalog/merge-entries.js';

const SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const entry = (over: object) => CredentialEntrySchema.parse({ id: 'x', title: 'SQL for Analysts', ...over });

describe('catalogue entry model', () => {
  it('flags missing EU elements and scores completeness out of 10', () => {
    const bare = assessCompleteness(entry({}));
    expect(bare.present).toEqual(['title']);
    expect(bare.score).toBeCloseTo(0.1);
    const full = assessCompleteness(
      entry({ awardingBody: ['Uni'], country: 'IE', dateOfIssue: '2025-01-01', learningOutcomes: ['query'], workload: { hours: null, ects: 2 }, eqfLevel: 5, assessment: 'exam', mode: 'online', qualityAssurance: 'accredited' }),
    );
    expect(full.missing).toEqual([]);
    expect(full.score).toBe(1);
    expect(EU_ELEMENTS).toHaveLength(10);
  });

  it('merges duplicates: declared beats inferred, gaps filled, lists united; ids are stable', () => {
    const a = entry({ url: 'https://x.org/sql/', skills: [{ uri: SQL, label: 'SQL', provenance: 'inferred', confidence: 0.7 }], unmappedSkills: ['Queries'], stackableInto: ['A'] });
    const b = entry({ id: 'y', title: 'SQL  for analysts!', url: 'https://x.org/sql', eqfLevel: 4, skills: [{ uri: SQL, label: 'SQL', provenance: 'declared', confidence: 1 }], stackableInto: ['B'] });
    const m = mergeEntries(a, b);
    expect(m.skills).toEqual([expect.objectContaining({ provenance: 'declared' })]);
    expect(m.eqfLevel).toBe(4);
    expect(m.stackableInto).toEqual(['A', 'B']);
    expect(dedupeEntries([a, b]).merged).toBe(1);
    expect(entryId({ title: 'SQL for Analysts', provider: 'X' })).toBe(entryId({ title: 'sql FOR analysts', provider: 'x' }));
  });

  it('rejects invalid entries at the boundary', () => {
    expect(CredentialEntrySchema.safeParse({ id: 'x', title: 'T', eqfLevel: 9 }).success).toBe(false);
    expect(CredentialEntrySchema.safeParse({ id: 'x', title: 'T', cost: { amount: -1, currency: 'EUR', free: false } }).success).toBe(false);
  });
});
