import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { promptsOf } from '../../../src/adapters/local-embedder.js';

describe('promptsOf', () => {
  it('reads a fine-tuned build’s own prefixes from config_sentence_transformers.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-prompts-'));
    writeFileSync(join(dir, 'config_sentence_transformers.json'), JSON.stringify({ prompts: { query: 'query: ', passage: 'passage: ' } }));
    expect(promptsOf('skillproof/me5-esco-abc', dir)).toEqual({ query: 'query: ', passage: 'passage: ' });
  });

  it('falls back to what is known of published models, and to none for unknown ones', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sp-prompts-'));
    expect(promptsOf('Xenova/multilingual-e5-small', empty)).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(promptsOf('Xenova/multilingual-e5-small', null)).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(promptsOf('Xenova/all-MiniLM-L6-v2', empty)).toEqual({ query: '', passage: '' });
    expect(promptsOf('Org/unknown', empty)).toEqual({ query: '', passage: '' });
  });

  it('names a broken prompts file instead of embedding without prefixes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-prompts-'));
    writeFileSync(join(dir, 'config_sentence_transformers.json'), '{ "prompts": ');
    expect(() => promptsOf('skillproof/me5-esco-abc', dir)).toThrow(ConfigError);
    expect(() => promptsOf('skillproof/me5-esco-abc', dir)).toThrow(/config_sentence_transformers\.json.*npm run model:train/);
  });
});
