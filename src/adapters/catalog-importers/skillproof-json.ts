import { z } from 'zod';
import { CatalogFileSchema, type DraftEntry } from '../../core/catalog/credential-entry.js';
import type { ParsedCatalog } from '../../core/catalog/parsed-catalog.js';

/** True for SkillProof's own catalogue file (`schemaVersion` + `entries`). */
export const isSkillProofCatalog = (json: unknown): boolean => CatalogFileSchema.safeParse(json).success;

const DraftShape = z.object({ title: z.string().min(1), skillTexts: z.array(z.string()).optional() }).passthrough();

/** SkillProof's own JSON: entries as stored, optionally with `skillTexts` still to be mapped to ESCO. */
export function importSkillProofJson(json: unknown, file: string): ParsedCatalog {
  const parsed = CatalogFileSchema.safeParse(json);
  if (!parsed.success) {
    return { format: 'skillproof', file, rowsRead: 0, drafts: [], skipped: [{ ref: file, reason: 'not a SkillProof catalogue (needs schemaVersion "1.0" and entries[])' }] };
  }
  const drafts: ParsedCatalog['drafts'] = [];
  const skipped: ParsedCatalog['skipped'] = [];
  parsed.data.entries.forEach((raw, i) => {
    const ref = `${file}#${i}`;
    const d = DraftShape.safeParse(raw);
    if (d.success) drafts.push({ draft: { sources: [{ format: 'skillproof', ref }], ...(d.data as DraftEntry) }, ref });
    else skipped.push({ ref, reason: `entry ${i}: ${d.error.issues[0]?.path.join('.')} ${d.error.issues[0]?.message}` });
  });
  return { format: 'skillproof', file, rowsRead: parsed.data.entries.length, drafts, skipped };
}
