import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogFiles } from '../../../src/adapters/catalog-importers/read-catalog-files.js';
import { FileCredentialCatalog } from '../../../src/adapters/file-credential-catalog.js';
import { assessCompleteness } from '../../../src/core/catalog/assess-completeness.js';
import { importCatalog } from '../../../src/service/import-catalog.js';
import { ESCO, fakeLinker } from './fake-linker.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'catalog');
const fresh = () => new FileCredentialCatalog({ storePath: join(mkdtempSync(join(tmpdir(), 'sp-cat-')), 'catalog.json') });

describe('importCatalog on fixture files', () => {
  it('imports every format, maps each distinct text once, reports skips with line and merges duplicates', async () => {
    const catalog = fresh();
    const linker = fakeLinker();
    const phases = new Set<string>();
    const report = await importCatalog({ paths: [FIX], batchSize: 3 }, { catalog, readSources: readCatalogFiles, linkTexts: linker, isKnownSkill: (u) => !u.includes('00000000') }, (p) => phases.add(p));
    expect(report.files.map((f) => f.format).sort()).toEqual(['coursera-catalog-csv', 'coursera-courses-csv', 'coursera-programs-csv', 'ctdl', 'edc', 'ob3']);
    // Every distinct text went to the linker exactly once, in batches of ≤ 3.
    const sent = linker.calls.flat();
    expect(new Set(sent).size).toBe(sent.length);
    expect(linker.calls.every((c) => c.length <= 3)).toBe(true);
    expect(sent).toContain('python');
    expect(report.skipped.some((s) => /coursera-programmes\.csv:\d+/.test(s.ref) && /no programme title/.test(s.reason))).toBe(true);
    expect(report.skipped.some((s) => s.ref.startsWith('coursera-catalog.csv:'))).toBe(true);
    expect(report.duplicatesMerged).toBeGreaterThanOrEqual(2);
    expect(report.skills.unknownUris).toBe(1);
    expect(report.skills.mapped).toBeGreaterThan(0);
    expect(report.topUnmapped.map((u) => u.text)).toContain('Basket Weaving');
    expect([...phases]).toEqual(['read', 'map', 'store']);

    const sqlEntries = await catalog.lookupBySkills([ESCO.sql]);
    expect(sqlEntries.length).toBeGreaterThanOrEqual(4);
    const course = sqlEntries.find((e) => e.title === 'Querying Tables')!;
    expect(course.stackableInto.sort()).toEqual(['Cloud Basics Professional Certificate', 'Practical Data Wrangling Specialization']);
    expect(course.awardingBody).toContain('Example University');
    const pipelines = (await catalog.list()).find((e) => e.title === 'Pipelines for Analysts')!;
    expect(pipelines.unmappedSkills).toEqual(expect.arrayContaining(['Extract, Transform, Load', 'Governance, Risk, and Compliance']));
    // Low-scoring hits stay unmapped; inferred skills keep provenance and confidence.
    expect(course.skills.find((s) => s.uri === ESCO.sql)).toMatchObject({ provenance: 'inferred', confidence: 0.95 });
    expect(course.unmappedSkills).toContain('Relational Databases');

    const edc = (await catalog.list()).find((e) => e.verifiableFormat === 'edc')!;
    expect(edc).toMatchObject({ eqfLevel: 5, country: 'IE', mode: 'hybrid', workload: { hours: 50, ects: 2 }, languages: ['en'] });
    expect(edc.skills).toHaveLength(1);
    expect(assessCompleteness(edc).missing).toEqual(['qualityAssurance']);
    const ob3 = (await catalog.list()).find((e) => e.verifiableFormat === 'ob3')!;
    expect(ob3.skills.map((s) => [s.uri, s.provenance])).toEqual(expect.arrayContaining([[ESCO.sql, 'declared'], [ESCO.cleansing, 'inferred']]));
    expect(ob3.eqfLevel).toBe(5);
    const ctdl = (await catalog.list()).find((e) => e.credentialType === 'Certificate')!;
    expect(ctdl).toMatchObject({ country: 'US', mode: 'online', cost: { amount: 300, currency: 'USD' }, qualityAssurance: 'Accredited by Example Accreditation Board' });

    // The store file is valid and a second catalogue instance reads it back.
    const stored = JSON.parse(readFileSync((catalog as unknown as { options: { storePath: string } }).options.storePath, 'utf8'));
    expect(stored.entries.length).toBe(await catalog.count());
  });

  it('re-importing the same files merges instead of duplicating', async () => {
    const catalog = fresh();
    const deps = { catalog, readSources: readCatalogFiles, linkTexts: fakeLinker() };
    await importCatalog({ paths: [join(FIX, 'coursera-catalog.csv')] }, deps);
    const n = await catalog.count();
    const again = await importCatalog({ paths: [join(FIX, 'coursera-catalog.csv')] }, deps);
    expect(await catalog.count()).toBe(n);
    expect(again.inserted).toBe(0);
  });

  it('without a linker keeps free-text skills unmapped and says so', async () => {
    const report = await importCatalog({ paths: [join(FIX, 'coursera-programmes.csv')], dryRun: true }, { catalog: fresh(), readSources: readCatalogFiles, linkTexts: null });
    expect(report.skills.mapped).toBe(0);
    expect(report.notes[0]).toMatch(/No skill linker/);
  });

  it('a missing path is an InputError with a hint', async () => {
    await expect(importCatalog({ paths: ['/nonexistent/catalog.csv'] }, { catalog: fresh(), readSources: readCatalogFiles, linkTexts: null })).rejects.toMatchObject({ code: 'catalog_file_missing' });
  });
});

describe('parseCatalogText on unknown or broken input', () => {
  it('returns skipped files as values, not exceptions', async () => {
    const { parseCatalogText } = await import('../../../src/adapters/catalog-importers/read-catalog-files.js');
    expect(parseCatalogText('a,b\n1,2\n', 'other.csv').skipped[0]?.reason).toMatch(/not a catalogue format SkillProof reads/);
    expect(parseCatalogText('{"broken": ', 'x.json').skipped[0]?.reason).toMatch(/invalid JSON/);
    expect(parseCatalogText('{"schemaVersion":"1.0","entries":[{"title":""},{"title":"Ok"}]}', 's.json')).toMatchObject({ format: 'skillproof', drafts: [expect.anything()], skipped: [expect.objectContaining({ ref: 's.json#0' })] });
  });
});
