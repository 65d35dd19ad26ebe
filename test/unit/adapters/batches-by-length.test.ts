import { describe, expect, it } from 'vitest';
import { batchesByLength } from '../../../src/adapters/local-embedder.js';

describe('batchesByLength', () => {
  it('covers every index once, shortest first, within the size cap', () => {
    const lengths = [30, 5, 7, 5, 90, 6, 31, 8];
    const batches = batchesByLength(lengths, 3);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(3);
    const flat = batches.flat().map((i) => lengths[i]!);
    expect(flat).toEqual([...flat].sort((a, b) => a - b));
  });

  it('does not pad short phrases to a long sentence', () => {
    const lengths = [4, 5, 4, 80, 6, 78];
    const batches = batchesByLength(lengths, 64);
    const padded = batches.reduce((sum, b) => sum + b.length * Math.max(...b.map((i) => lengths[i]!)), 0);
    expect(batches.length).toBeGreaterThan(1);
    // One batch would cost 6 × 80 = 480 positions; grouped by length it is far less.
    expect(padded).toBeLessThanOrEqual(4 * 6 + 2 * 80);
  });

  it('handles no input', () => {
    expect(batchesByLength([], 64)).toEqual([]);
  });
});
