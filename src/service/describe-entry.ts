import { assessCompleteness, type Completeness } from '../core/catalog/assess-completeness.js';
import type { CredentialEntry } from '../core/catalog/credential-entry.js';
import { InputError } from '../core/errors.js';
import type { CredentialCatalog } from '../ports/credential-catalog.js';

export interface EntryDescription {
  entry: CredentialEntry;
  completeness: Completeness;
}

/** One catalogue entry with its EU completeness (which mandatory micro-credential elements it states). */
export async function describeEntry(id: string, catalog: CredentialCatalog): Promise<EntryDescription> {
  const entry = await catalog.get(id);
  if (!entry) throw new InputError('catalog_entry_unknown', `No catalogue entry "${id}". Plan items show entry ids (skillproof plan --json).`);
  return { entry, completeness: assessCompleteness(entry) };
}
