import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCatalogFiles } from '../../../src/adapters/catalog-importers/read-catalog-files.js';
import { FileCredentialCatalog } from '../../../src/adapters/file-credential-catalog.js';
import { FileProfileStore } from '../../../src/adapters/file-profile-store.js';
import { createHighsCoverSolver } from '../../../src/adapters/highs-cover-solver.js';
import { ANALYSIS_SCHEMA_VERSION, type PostingAnalysis } from '../../../src/core/analysis.js';
import type { Taxonomy } from '../../../src/ports/taxonomy.js';
import { bindCredentialUseCases } from '../../../src/service/credential-use-cases.js';
import { fakeLinker } from '../catalog/fake-linker.js';

const S = 'http://data.europa.eu/esco/skill/';
export const URI = {
  sql: `${S}598de5b0-5b58-4ea7-8058-a4bc4d18c742`,
  python: `${S}ccd0a1d9-afda-43d9-b901-96344886e14d`,
  visual: `${S}348b74cd-49ce-4844-8bdf-ec188b497213`,
  statistics: `${S}7ee4c2ea-b349-4bd2-81a3-ec31475d4833`,
  spreadsheets: `${S}1973c966-f236-40c9-b2d4-5d71a89019be`,
  ml: `${S}3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43`,
  cloud: `${S}bd14968e-e409-45af-b362-3495ed7b10e0`,
  programming: `${S}21d2f96d-35f7-4e3f-9745-c533d2dd6e97`,
};
const LABEL: Record<string, string> = { [URI.sql]: 'SQL', [URI.python]: 'Python (computer programming)', [URI.visual]: 'visual presentation techniques', [URI.statistics]: 'statistics', [URI.spreadsheets]: 'use spreadsheets software', [URI.ml]: 'machine learning', [URI.cloud]: 'cloud technologies', [URI.programming]: 'computer programming' };
// Python sits under computer programming, so a Python course closes a "computer programming" requirement.
const BROADER: Record<string, string[]> = { [URI.python]: [URI.programming] };

/** A tiny taxonomy: labels for the skills above, one broader link, no relations. */
export const fakeTaxonomy = {
  version: 'test',
  languages: ['en'],
  skill: (u: string) => (LABEL[u] ? ({ uri: u } as never) : undefined),
  label: (u: string) => LABEL[u],
  broader: (u: string) => BROADER[u] ?? [],
  narrower: (u: string) => Object.keys(BROADER).filter((k) => BROADER[k]!.includes(u)),
  related: () => [],
} as unknown as Taxonomy;

/** The analysis of the example posting as the analyzer would return it (essential and nice-to-have skills). */
export function exampleAnalysis(): PostingAnalysis {
  const skill = (uri: string, importance: 'essential' | 'optional') => ({ escoUri: uri, label: LABEL[uri]!, skillType: 'knowledge' as const, score: 0.8, importance, evidence: [], years: null, level: null, channels: ['test'] });
  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    posting: { title: 'Junior Data Analyst', organisation: 'Example Retail Group', location: 'Amsterdam', language: 'en', url: null, sentenceCount: 12 },
    skills: [skill(URI.sql, 'essential'), skill(URI.python, 'essential'), skill(URI.visual, 'essential'), skill(URI.statistics, 'essential'), skill(URI.spreadsheets, 'essential'), skill(URI.ml, 'optional'), skill(URI.cloud, 'optional')],
    occupations: [],
    implied: [],
    notes: [],
    timings: {},
    model: { embedder: 'test', escoVersion: 'test' },
  };
}

export const STARTER = join(import.meta.dirname, '..', '..', '..', 'skills-taxonomy', 'catalog', 'starter.json');

/** Use cases wired to real embedded adapters in a temp folder, with a fake taxonomy, linker and analyzer. */
export function testUseCases() {
  const dir = mkdtempSync(join(tmpdir(), 'sp-uc-'));
  return bindCredentialUseCases({
    catalog: new FileCredentialCatalog({ storePath: join(dir, 'catalog.json'), seedPaths: [STARTER] }),
    profileStore: new FileProfileStore(join(dir, 'profile.json')),
    solver: createHighsCoverSolver(),
    readSources: readCatalogFiles,
    taxonomy: async () => fakeTaxonomy,
    linkTexts: fakeLinker(),
    analyze: async () => exampleAnalysis(),
  });
}
