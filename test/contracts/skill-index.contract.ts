/**
 * The SkillIndex contract (src/ports/skill-index.ts) as test functions: every adapter runs the same cases on the
 * same synthetic label table. Call `skillIndexContract(name, open)` inside a test file.
 */
import { describe, expect, it } from 'vitest';
import type { SkillSurface } from '../../src/core/taxonomy-types.js';
import type { SkillIndex } from '../../src/ports/skill-index.js';

export interface ContractTable {
  dim: number;
  texts: string[];
  groups: SkillSurface[][];
  vectors: Float32Array;
}

import { seededRandom as seeded } from '../../src/core/seeded-random.js';

export { seeded };

function unit(rand: () => number, dim: number): Float32Array {
  const v = new Float32Array(dim);
  let n = 0;
  for (let d = 0; d < dim; d++) {
    v[d] = rand() * 2 - 1;
    n += v[d]! * v[d]!;
  }
  n = Math.sqrt(n);
  for (let d = 0; d < dim; d++) v[d]! /= n;
  return v;
}

/** 400 labels of 120 concepts; label 7 is shared by two concepts (a label two skills have in common). */
export function contractTable(dim = 16): ContractTable {
  const rand = seeded(7);
  const texts: string[] = [];
  const groups: SkillSurface[][] = [];
  const vectors = new Float32Array(400 * dim);
  for (let p = 0; p < 400; p++) {
    const concept = `http://data.europa.eu/esco/skill/c${p % 120}`;
    texts.push(`label ${p}`);
    const surfaces: SkillSurface[] = [{ conceptUri: concept, text: `label ${p}`, lang: 'en', kind: p < 120 ? 'preferred' : 'alt' }];
    if (p === 7) surfaces.push({ conceptUri: 'http://data.europa.eu/esco/skill/shared', text: 'label 7', lang: 'en', kind: 'alt' });
    groups.push(surfaces);
    vectors.set(unit(rand, dim), p * dim);
  }
  return { dim, texts, groups, vectors };
}

export function contractQueries(dim = 16, n = 40): Float32Array[] {
  const rand = seeded(99);
  return Array.from({ length: n }, () => unit(rand, dim));
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** Register the contract cases for one adapter; `open` is called once per case and may be slow (beforeAll it). */
export function skillIndexContract(name: string, open: () => Promise<SkillIndex> | SkillIndex, table: ContractTable = contractTable()): void {
  describe(`SkillIndex contract: ${name}`, () => {
    const vec = (p: number) => table.vectors.subarray(p * table.dim, (p + 1) * table.dim);

    it('reports its size and dimension', async () => {
      const index = await open();
      expect(index.size).toBe(table.texts.length);
      expect(index.dim).toBe(table.dim);
    });

    it('finds a stored label first for its own vector, with cosine scores, best first', async () => {
      const index = await open();
      for (const p of [0, 5, 123, 399]) {
        const hits = await index.searchSurfaces(vec(p), 5);
        expect(hits.length).toBe(5);
        expect(hits[0]!.point).toBe(p);
        expect(hits[0]!.score).toBeCloseTo(1, 4);
        expect(hits[0]!.text).toBe(table.texts[p]);
        for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score - 1e-6);
        for (const h of hits) expect(h.score).toBeCloseTo(dot(vec(p), index.pointVector(h.point)), 4);
      }
    });

    it('returns at most k points, and no more than it holds', async () => {
      const index = await open();
      const q = contractQueries()[0]!;
      expect((await index.searchSurfaces(q, 3)).length).toBe(3);
      expect((await index.searchSurfaces(q, 10_000, { ef: 1000 })).length).toBeLessThanOrEqual(index.size);
      expect(await index.searchSurfaces(q, 0)).toEqual([]);
    });

    it('collapses points to distinct concepts scored by their best surface', async () => {
      const index = await open();
      for (const q of contractQueries().slice(0, 10)) {
        const hits = await index.searchConcepts(q, 8);
        expect(hits.length).toBe(8);
        expect(new Set(hits.map((h) => h.conceptUri)).size).toBe(8);
        for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score - 1e-6);
        for (const h of hits) expect(h.best.conceptUri).toBe(h.conceptUri);
      }
      // A label shared by two concepts answers for both.
      const shared = await index.searchConcepts(vec(7), 3);
      expect(shared.map((h) => h.conceptUri)).toEqual(expect.arrayContaining(['http://data.europa.eu/esco/skill/c7', 'http://data.europa.eu/esco/skill/shared']));
    });

    it('agrees with exact search (recall@10 ≥ 0.95 on this small table)', async () => {
      const index = await open();
      let found = 0;
      let wanted = 0;
      for (const q of contractQueries()) {
        const exact = table.texts
          .map((_, p) => ({ p, s: dot(q, vec(p)) }))
          .sort((a, b) => b.s - a.s)
          .slice(0, 10)
          .map((x) => x.p);
        const got = new Set((await index.searchSurfaces(q, 10)).map((h) => h.point));
        found += exact.filter((p) => got.has(p)).length;
        wanted += 10;
      }
      expect(found / wanted).toBeGreaterThanOrEqual(0.95);
    });

    it('gives back label texts, surfaces and normalised vectors by point', async () => {
      const index = await open();
      for (const p of [0, 7, 250]) {
        expect(index.pointText(p)).toBe(table.texts[p]);
        expect(index.pointSurfaces(p)).toEqual(table.groups[p]);
        const v = index.pointVector(p);
        expect(v.length).toBe(table.dim);
        expect(dot(v, v)).toBeCloseTo(1, 4);
        expect(dot(v, vec(p))).toBeCloseTo(1, 4);
      }
    });
  });
}
