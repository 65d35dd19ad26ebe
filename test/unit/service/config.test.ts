import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/service/config.js';

function fakeRoot(withShared: boolean, withLocalEsco = false): string {
  const base = mkdtempSync(join(tmpdir(), 'sp-config-'));
  const root = join(base, 'project');
  mkdirSync(root);
  if (withShared) {
    mkdirSync(join(base, 'shared', 'esco'), { recursive: true });
    mkdirSync(join(base, 'shared', 'models'), { recursive: true });
  }
  if (withLocalEsco) mkdirSync(join(root, 'skills-taxonomy', 'esco'), { recursive: true });
  return root;
}

describe('loadConfig', () => {
  it('detects ../shared for ESCO and models when present', () => {
    const root = fakeRoot(true);
    const c = loadConfig({}, root);
    expect(c.escoDir).toBe(join(root, '..', 'shared', 'esco'));
    expect(c.modelsDir).toBe(join(root, '..', 'shared', 'models'));
    expect(c.server.host).toBe('127.0.0.1');
    expect(c.llm).toBeNull();
  });

  it('prefers a project-local skills-taxonomy/esco over ../shared', () => {
    const root = fakeRoot(true, true);
    expect(loadConfig({}, root).escoDir).toBe(join(root, 'skills-taxonomy', 'esco'));
  });

  it('falls back to the hub (null models dir) and no ESCO without shared data', () => {
    const root = fakeRoot(false);
    const c = loadConfig({}, root);
    expect(c.modelsDir).toBeNull();
    expect(c.escoDir).toBeNull();
  });

  it('honours env overrides and always keeps English', () => {
    const root = fakeRoot(false);
    const c = loadConfig({ SKILLPROOF_ESCO_DIR: '/x/esco', SKILLPROOF_LANGUAGES: 'fr,es', OPENAI_BASE_URL: 'http://127.0.0.1:1234/v1' }, root);
    expect(c.escoDir).toBe('/x/esco');
    expect(c.languages).toEqual(['en', 'fr', 'es']);
    expect(c.llm?.baseUrl).toBe('http://127.0.0.1:1234/v1');
  });

  it('rejects an invalid value with a message naming the variable', () => {
    expect(() => loadConfig({ SKILLPROOF_PORT: 'abc' }, fakeRoot(false))).toThrow(/SKILLPROOF_PORT/);
    expect(() => loadConfig({ SKILLPROOF_LANGUAGES: 'english' }, fakeRoot(false))).toThrow(/languages/);
  });
});
