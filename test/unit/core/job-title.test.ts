import { describe, expect, it } from 'vitest';
import { englishSingular, searchableTitle } from '../../../src/core/job-title.js';
import { inferOccupations } from '../../../src/service/infer-occupation.js';
import type { Embedder } from '../../../src/ports/embedder.js';
import type { SkillIndex } from '../../../src/ports/skill-index.js';
import type { Taxonomy } from '../../../src/ports/taxonomy.js';

describe('searchableTitle', () => {
  it.each([
    ['Software Developers', 'Software Developer'],
    ['Farmers and Ranchers', 'Farmer and Rancher'],
    ['Heads of Sales', 'Head of Sales'],
    ['Public Relations Managers', 'Public Relations Manager'],
    ['Nurses', 'Nurse'],
    ['Secretaries', 'Secretary'],
    ['Firemen', 'Fireman'],
    ['Coaches', 'Coach'],
    ['Head of Operations', 'Head of Operations'],
    ['Business Analyst', 'Business Analyst'],
    ['Sales', 'Sales'],
    ['Senior Data Engineers (m/w/d)', 'Senior Data Engineer'],
  ])('English %s → %s', (title, expected) => {
    expect(searchableTitle(title, 'en')).toBe(expected);
  });

  it('drops gender tags in every language but keeps words and gendered pairs as written', () => {
    expect(searchableTitle('Softwareentwickler/in   (m/w/d)', 'de')).toBe('Softwareentwickler/in');
    expect(searchableTitle("Agent / Agente d'accueil (H/F)", 'fr')).toBe("Agent / Agente d'accueil");
    expect(searchableTitle('Infirmières', 'fr')).toBe('Infirmières');
    expect(searchableTitle('Developers (all genders)', null)).toBe('Developers');
  });

  it('singularises only the head of each coordinated part', () => {
    expect(englishSingular('Sales Representatives, Wholesale and Manufacturing Workers')).toBe('Sales Representative, Wholesale and Manufacturing Worker');
  });
});

describe('inferOccupations reads the searchable title', () => {
  const embedded: string[] = [];
  const embedder = {
    id: 'fake', dim: 2, usage: { sequences: 0, tokens: 0 },
    async embed(list: string[]) {
      embedded.push(...list);
      return list.map((t) => Float32Array.from([t === 'Software Developer' ? 1 : 0, t === 'Software Developer' ? 0 : 1]));
    },
  } as unknown as Embedder;
  const occupations = {
    size: 2, dim: 2, exact: true,
    searchConcepts: (v: Float32Array) => (v[0] === 1 ? [{ conceptUri: 'occ:developer', score: 0.9, point: 0 }] : [{ conceptUri: 'occ:other', score: 0.4, point: 1 }]),
  } as unknown as SkillIndex;
  const taxonomy = {
    occupation: (uri: string) => ({ uri, preferredLabel: { en: uri.slice(4) } }),
    occupationSkills: () => [],
    occupations: () => [],
  } as unknown as Taxonomy;

  it('searches an English plural title in the singular, and other languages as written', async () => {
    const en = await inferOccupations({ taxonomy, embedder, occupations }, 'Software Developers (m/f/d)', [], { lang: 'en' });
    expect(embedded).toEqual(['Software Developer']);
    expect(en.map((o) => o.label)).toEqual(['developer']);
    const de = await inferOccupations({ taxonomy, embedder, occupations }, 'Software Developers', [], { lang: 'de' });
    expect(embedded.at(-1)).toBe('Software Developers');
    expect(de.map((o) => o.label)).toEqual(['other']);
  });
});
