import { join } from 'node:path';
import { readCatalogFiles } from './catalog-importers/read-catalog-files.js';
import { FileCredentialCatalog } from './file-credential-catalog.js';
import { FileProfileStore } from './file-profile-store.js';
import { createHighsCoverSolver } from './highs-cover-solver.js';
import { pdfText } from './pdf-text.js';

/** Where the shipped starter catalogue lives, relative to the project root. */
export const STARTER_CATALOG = join('skills-taxonomy', 'catalog', 'starter.json');

/**
 * The embedded adapters behind profiles, catalogue and planning: the catalogue store under `dataDir/catalog/` on top
 * of the shipped starter catalogue, the profile file `dataDir/profile.json`, the HiGHS solver, the file importers.
 */
export function createCredentialAdapters(paths: { dataDir: string; projectRoot: string; profilePath?: string }) {
  return {
    catalog: new FileCredentialCatalog({
      storePath: join(paths.dataDir, 'catalog', 'catalog.json'),
      seedPaths: [join(paths.projectRoot, STARTER_CATALOG)],
    }),
    profileStore: new FileProfileStore(paths.profilePath ?? join(paths.dataDir, 'profile.json')),
    solver: createHighsCoverSolver(),
    readSources: readCatalogFiles,
    pdfText,
  };
}
