import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogFiles } from '../../src/adapters/catalog-importers/read-catalog-files.js';
import { FileCredentialCatalog } from '../../src/adapters/file-credential-catalog.js';
import { importCatalog } from '../../src/service/import-catalog.js';
import { loadConfig } from '../../src/service/config.js';

const shared = loadConfig(process.env).sharedDir;
const catalogDir = shared ? join(shared, 'catalog') : null;
if (!catalogDir) console.warn('shared-catalog-import: skipped — ../shared (SKILLPROOF_SHARED_DIR) is not present');

describe.skipIf(!catalogDir)('import of the shared catalogue files (no linker)', () => {
  it('reads every file with the right importer and row counts', async () => {
    const catalog = new FileCredentialCatalog({ storePath: join(mkdtempSync(join(tmpdir(), 'sp-shared-')), 'catalog.json') });
    const report = await importCatalog({ paths: [catalogDir!] }, { catalog, readSources: readCatalogFiles, linkTexts: null });
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byFile['prog_scraped.csv']).toMatchObject({ format: 'coursera-programs-csv', rowsRead: 475 });
    expect(byFile['course_scraped.csv']).toMatchObject({ format: 'coursera-courses-csv', rowsRead: 2183 });
    expect(byFile['Coursera.csv']).toMatchObject({ format: 'coursera-catalog-csv', rowsRead: 3404 });
    expect(byFile['full_ex.json']?.format).toBe('ob3');
    expect(byFile['Sample-MC-Annex1-unsigned.jsonld']?.format).toBe('edc');
    expect(report.files.find((f) => f.format === 'ctdl')?.entries).toBe(1);
    expect(report.skills.declared).toBe(4);
    expect(report.duplicatesMerged).toBeGreaterThan(600);
    expect(report.entries).toBeGreaterThan(4000);
    expect(report.skills.distinctTexts).toBeGreaterThan(2500);
  });
});
