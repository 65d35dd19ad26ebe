import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEscoTaxonomy } from '../../../src/adapters/esco-csv-taxonomy.js';
import { writeEscoMini } from '../../fixtures/esco-mini.js';

const ESCO = writeEscoMini();
const S = 'http://data.europa.eu/esco/skill/';

describe('ESCO CSV taxonomy', () => {
  it('loads skills with multi-line alt labels, hierarchy, relations and occupations', () => {
    const { taxonomy, report } = loadEscoTaxonomy({ escoDir: ESCO, cacheDir: null, languages: ['en'] });
    expect(taxonomy.version).toBe('v9.9.9');
    expect(taxonomy.skills()).toHaveLength(8);
    const py = taxonomy.skill(`${S}python`)!;
    expect(py.altLabels.en).toEqual(['Python', 'Python3']);
    expect(py.skillType).toBe('knowledge');
    expect(taxonomy.broader(`${S}python`)).toEqual([`${S}prog`]);
    expect(taxonomy.narrower(`${S}prog`)).toEqual([`${S}python`, `${S}java`]);
    expect(taxonomy.related(`${S}python`)).toEqual([{ uri: `${S}sql`, relation: 'optional' }]);
    expect(taxonomy.skill(`${S}aws`)!.hiddenLabels).toEqual(['Amazon cloud']);
    const dev = taxonomy.occupations().find((o) => o.code === '2512.4')!;
    expect(taxonomy.occupationSkills(dev.uri).map((r) => r.relation)).toEqual(['essential', 'optional', 'essential']);
    expect(taxonomy.skillOccupationCount(`${S}prog`)).toBe(1);
    expect(report.read['skills_en.csv']).toBe(10);
  });

  it('reports malformed rows with file and line, and skips them', () => {
    const { report } = loadEscoTaxonomy({ escoDir: ESCO, cacheDir: null, languages: ['en'] });
    const files = report.skipped.map((s) => s.file);
    expect(files.filter((f) => f === 'skills_en.csv')).toHaveLength(2);
    expect(report.skipped.find((s) => s.reason.includes('conceptUri'))!.line).toBe(16);
    expect(report.skipped.some((s) => s.reason.includes('empty preferredLabel'))).toBe(true);
    // The occupation relation with an unknown relation type is skipped, not silently read as optional.
    expect(report.skipped.some((s) => s.file === 'occupationSkillRelations.csv')).toBe(true);
  });

  it('is fatal on the first bad row in strict mode', () => {
    expect(() => loadEscoTaxonomy({ escoDir: ESCO, cacheDir: null, languages: ['en'], strict: true })).toThrow(/skills_en\.csv line 16/);
  });

  it('adds labels of extra languages from a nested folder and falls back to English', () => {
    const { taxonomy } = loadEscoTaxonomy({ escoDir: ESCO, cacheDir: null, languages: ['fr'] });
    expect(taxonomy.languages).toEqual(['en', 'fr']);
    expect(taxonomy.label(`${S}nursing`, 'fr')).toBe('prodiguer des soins infirmiers');
    expect(taxonomy.label(`${S}python`, 'fr')).toBe('Python (computer programming)');
  });

  it('names the missing file or language and what to do', () => {
    expect(() => loadEscoTaxonomy({ escoDir: join(ESCO, 'nope'), cacheDir: null, languages: ['en'] })).toThrow(/SKILLPROOF_ESCO_DIR/);
    expect(() => loadEscoTaxonomy({ escoDir: ESCO, cacheDir: null, languages: ['de'] })).toThrow(/skills_de\.csv/);
  });

  it('reuses a parsed cache with identical content', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'sp-esco-'));
    const first = loadEscoTaxonomy({ escoDir: ESCO, cacheDir, languages: ['fr'] });
    const second = loadEscoTaxonomy({ escoDir: ESCO, cacheDir, languages: ['fr'] });
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.taxonomy.skills()).toEqual(first.taxonomy.skills());
    expect(second.taxonomy.narrower(`${S}prog`)).toEqual(first.taxonomy.narrower(`${S}prog`));
    expect(second.taxonomy.occupationSkills(first.taxonomy.occupations()[0]!.uri)).toEqual(first.taxonomy.occupationSkills(first.taxonomy.occupations()[0]!.uri));
  });
});
