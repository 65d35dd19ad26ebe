import { describe, expect, it } from 'vitest';
import { candidatePhrases } from '../../../src/core/candidate-phrases.js';
import { LexicalMatcher, type LexicalLabel } from '../../../src/core/lexical-matcher.js';

const L = (conceptUri: string, text: string, kind: LexicalLabel['kind'] = 'preferred'): LexicalLabel => ({ conceptUri, text, lang: 'en', kind });
const matcher = new LexicalMatcher([
  L('go', 'Go'),
  L('excel', 'Excel', 'alt'),
  L('r', 'R'),
  L('db', 'relational database'),
  L('api', 'API', 'alt'),
  L('cicd', 'CI/CD', 'alias'),
  L('cpp', 'C++'),
  L('ml', 'machine learning'),
]);
const found = (text: string) => matcher.match(text).map((h) => `${h.conceptUri}:${text.slice(h.start, h.end)}:${h.match}`);

describe('LexicalMatcher', () => {
  it('finds multi-word labels, plurals and symbol-bearing names with offsets', () => {
    expect(found('We use relational databases and Machine Learning')).toEqual(['db:relational databases:stem', 'ml:Machine Learning:exact']);
    expect(found('Our stack: C++, REST APIs and CI/CD pipelines')).toEqual(['cpp:C++:exact', 'api:APIs:stem', 'cicd:CI/CD:exact']);
  });

  it('does not take ordinary words for ambiguous skill names', () => {
    expect(found('You will go above and beyond and excel at teamwork')).toEqual([]);
    expect(found('Go is not required')).toEqual([]); // sentence-initial "Go" in prose
    expect(found('We write services in Go and analyse data in R')).toEqual(['go:Go:exact', 'r:R:exact']);
  });

  it('ignores everyday words that ESCO lists as alternative labels of unrelated concepts', () => {
    const m = new LexicalMatcher([
      L('securities', 'securities'),
      L('securities', 'security', 'alt'),
      L('stats', 'statistics'),
      L('stats', 'data', 'alt'),
      L('etcs', 'ETCS', 'alt'),
      L('scm', 'GitLab', 'alt'),
    ]);
    const hits = (text: string) => m.match(text).map((h) => `${h.conceptUri}:${text.slice(h.start, h.end)}`);
    expect(hits('You care about security and data quality, etc.')).toEqual([]);
    // Preferred labels, names given as alternative labels, and names written in capitals still count.
    expect(hits('Knowledge of statistics and securities trading')).toEqual(['stats:statistics', 'securities:securities']);
    expect(hits('Pipelines in Gitlab, signalling with ETCS')).toEqual(['scm:Gitlab', 'etcs:ETCS']);
  });

  it('takes a short mixed-case name only as it is spelled', () => {
    const m = new LexicalMatcher([L('adm', 'advanced materials'), L('adm', 'AdMs', 'alt'), L('ios', 'iOS', 'alt')]);
    const hits = (text: string) => m.match(text).map((h) => `${h.conceptUri}:${text.slice(h.start, h.end)}`);
    expect(hits('Learn the EurIS suite, starting with ADMS; routers on Cisco IOS')).toEqual([]);
    expect(hits('Research on AdMs and apps for iOS')).toEqual(['adm:AdMs', 'ios:iOS']);
  });

  it('accepts a name at the start of a short list item', () => {
    expect(found('Go, Python, Kubernetes')).toEqual(['go:Go:exact']);
    expect(found('Excel')).toEqual(['excel:Excel:exact']);
  });
});

describe('candidatePhrases', () => {
  it('cuts a requirement sentence at punctuation and function words, with offsets', () => {
    const s = 'Strong knowledge of SQL, Python and cloud platforms (AWS or Azure)';
    const phrases = candidatePhrases(s);
    expect(phrases.map((p) => p.text)).toEqual(['of SQL', 'Python', 'cloud platforms', 'AWS', 'Azure']);
    for (const p of phrases) expect(s.slice(p.start, p.end)).toBe(p.text);
  });

  it('splits German and French function words too', () => {
    expect(candidatePhrases('Sehr gute Kenntnisse in Java und Spring').map((p) => p.text)).toEqual(['Java', 'Spring']);
    expect(candidatePhrases('Maîtrise de Python et des bases de données').map((p) => p.text)).toEqual(['Python', 'bases', 'données']);
  });
});
