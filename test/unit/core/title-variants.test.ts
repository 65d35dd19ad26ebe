import { describe, expect, it } from 'vitest';
import { titleVariants } from '../../../src/core/title-variants.js';
import { inferOccupations } from '../../../src/service/infer-occupation.js';
import type { Embedder } from '../../../src/ports/embedder.js';
import type { SkillIndex } from '../../../src/ports/skill-index.js';
import type { Taxonomy } from '../../../src/ports/taxonomy.js';

describe('titleVariants', () => {
  it.each([
    ["Agent / Agente d'accueil touristique", ["Agent d'accueil touristique", "Agente d'accueil touristique"]],
    ["Accueillant familial / Accueillante familiale auprès d'adultes", ["Accueillant familial auprès d'adultes", "Accueillante familiale auprès d'adultes"]],
    ['directeur technique/directrice technique', ['directeur technique', 'directrice technique']],
    ['Secrétaires médicales/médicaux', ['Secrétaires médicales', 'Secrétaires médicaux']],
    ['fantassin/femme fantassin', ['fantassin', 'femme fantassin']],
    ['Entwickler/in', ['Entwickler', 'Entwicklerin']],
    ['Industriekaufmann/-frau', ['Industriekaufmann', 'Industriekauffrau']],
    ['Desarrollador/a', ['Desarrollador', 'Desarrolladora']],
    ['Développeur(se) Java', ['Développeur Java', 'Développeuse Java']],
    ['Vendeur(euse)', ['Vendeur', 'Vendeuse']],
    ['Acteur(trice)', ['Acteur', 'Actrice']],
    ['employé(e) de banque', ['employé de banque', 'employée de banque']],
    ['UX/UI Designer', ['UX Designer', 'UI Designer']],
    ['Data Analyst / Scientist', ['Data Analyst', 'Data Scientist']],
  ])('%s', (title, expected) => {
    expect(titleVariants(title)).toEqual(expected);
  });

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
  ])('English %s → %s', (title, singular) => {
    expect(titleVariants(title, 'en')).toEqual([singular]);
  });

  it('makes plurals singular only in English', () => {
    expect(titleVariants('Infirmières', 'fr')).toEqual(['Infirmières']);
  });

  it('leaves a title without a pair as it is, and an empty one empty', () => {
    expect(titleVariants('  Senior   Software Engineer ')).toEqual(['Senior Software Engineer']);
    expect(titleVariants('Python (computer programming)')).toEqual(['Python (computer programming)']);
    expect(titleVariants('   ')).toEqual([]);
  });
});

describe('inferOccupations with gendered titles', () => {
  // One dimension per known text; an occupation index that answers with the occupation each dimension stands for.
  const texts = ['Entwickler', 'Entwicklerin', 'software developer'];
  const owners = ['occ:tester', 'occ:developer', 'occ:developer'];
  const strength = [0.5, 0.9, 0.8];
  const embedded: string[] = [];
  const embedder = {
    id: 'fake', dim: texts.length, usage: { sequences: 0, tokens: 0 },
    async embed(list: string[]) {
      embedded.push(...list);
      return list.map((t) => Float32Array.from(texts, (x) => (x === t ? 1 : 0)));
    },
  } as unknown as Embedder;
  const occupations = {
    size: texts.length, dim: texts.length, exact: true,
    searchConcepts(v: Float32Array) {
      const i = v.indexOf(1);
      return i < 0 ? [] : [{ conceptUri: owners[i]!, score: strength[i]!, point: i }];
    },
  } as unknown as SkillIndex;
  const taxonomy = {
    occupation: (uri: string) => ({ uri, preferredLabel: { en: uri.slice(4) } }),
    occupationSkills: () => [],
    occupations: () => [],
  } as unknown as Taxonomy;

  it('searches every form and keeps each occupation at its best form', async () => {
    const found = await inferOccupations({ taxonomy, embedder, occupations }, 'Entwickler/in (m/w/d)', []);
    expect(embedded).toEqual(['Entwickler', 'Entwicklerin']);
    expect(found.map((o) => o.label)).toEqual(['developer', 'tester']);
    expect(found[1]!.score).toBeCloseTo(0.7 * 0.5, 3);
  });

  it('searches an English plural title in the singular', async () => {
    embedded.length = 0;
    const found = await inferOccupations({ taxonomy, embedder, occupations }, 'Software Developers', [], 3, 'en');
    expect(embedded).toEqual(['Software Developer']);
    // The fake matches texts exactly, so nothing is found for the capitalised form: only the call shape is checked.
    expect(found).toEqual([]);
  });
});
