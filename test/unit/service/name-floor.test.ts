import { describe, expect, it } from 'vitest';
import type { RankedSkill } from '../../../src/service/rank-skills.js';
import { withNameFloor } from '../../../src/service/link-posting.js';
import { RERANKED_THRESHOLD } from '../../../src/service/rerank-skills.js';

const text = 'Deployment: Octopus Deploy, scripting and general security';
const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
const cand = (uri: string, probability: number, lexical: number, word: string): RankedSkill =>
  ({ uri, score: 0, probability, sentence: 0.6, span: 0.6, lexical, channels: [], evidence: at(word) }) as RankedSkill;

describe('re-ranked lists keep names written exactly as an ESCO label', () => {
  it('lifts an exact name to the acceptance threshold, not a lower-case word or a dense-only match', () => {
    const out = withNameFloor(text, [cand('deploy', 0.9, 0, 'Deployment'), cand('octopus', 0.05, 1, 'Octopus Deploy'), cand('securities', 0.04, 1, 'security'), cand('script', 0.1, 0, 'scripting')]);
    const byUri = new Map(out.map((x) => [x.uri, x.score]));
    expect(byUri.get('octopus')).toBeGreaterThan(RERANKED_THRESHOLD.accept);
    expect(byUri.get('securities')).toBe(0.04);
    expect(byUri.get('script')).toBe(0.1);
    expect(byUri.get('deploy')).toBe(0.9);
    expect(out.map((x) => x.uri)).toEqual(['deploy', 'octopus', 'script', 'securities']);
  });
});
