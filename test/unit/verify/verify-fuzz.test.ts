import { describe, expect, it } from 'vitest';
import { benchVerifyFuzz } from '../../bench/verify-fuzz.js';

describe('verification fuzz (small run; the ≥10k run is in npm run bench)', () => {
  it('survives 300 mutated credentials: no crash, every input ends in a step log', async () => {
    const result = await benchVerifyFuzz(300, 11);
    expect(result.crashSamples).toEqual([]);
    expect(result.crashes).toBe(0);
    expect(result.inputs).toBe(300);
    expect(result.outcomes.verified + result.outcomes.invalid + result.outcomes.unverifiable).toBe(300);
  });
});
