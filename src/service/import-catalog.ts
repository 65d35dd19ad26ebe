import { z } from 'zod';
import { buildEntries } from '../core/catalog/build-entries.js';
import { dedupeEntries } from '../core/catalog/dedupe-entries.js';
import type { ParsedCatalog, SkippedRecord } from '../core/catalog/parsed-catalog.js';
import { resolveSkillTexts, skillTextKey, type LinkTexts } from '../core/catalog/resolve-skill-texts.js';
import { InputError } from '../core/errors.js';
import type { CredentialCatalog } from '../ports/credential-catalog.js';

export const ImportCatalogInputSchema = z.object({
  paths: z.array(z.string().min(1)).min(1).describe('Catalogue files or folders (CSV, CTDL, EDC, OB 3.0, SkillProof JSON)'),
  minScore: z.number().min(0).max(1).default(0.8).describe('Lowest linker score accepted when mapping free-text skills to ESCO (0.8: about half of Coursera skill names map, few wrongly)'),
  batchSize: z.number().int().min(1).max(4096).default(256).describe('Skill texts per linker call'),
  dryRun: z.boolean().default(false).describe('Parse and map, but store nothing'),
});
export type ImportCatalogInput = z.input<typeof ImportCatalogInputSchema>;

export interface ImportCatalogDeps {
  catalog: CredentialCatalog;
  /** Reads and parses files (an adapter: `readCatalogFiles`). */
  readSources: (paths: readonly string[]) => Promise<ParsedCatalog[]>;
  /** Free-text skill → ESCO linker; null leaves free-text skills unmapped (with a note). */
  linkTexts: LinkTexts | null;
  /** Is this an ESCO skill URI the taxonomy knows? Declared skills with unknown URIs are dropped and reported. */
  isKnownSkill?: (uri: string) => boolean;
}

export type ImportProgress = (phase: 'read' | 'map' | 'store', done: number, total: number) => void;

export interface ImportReport {
  files: { file: string; format: string; rowsRead: number; entries: number; skipped: number }[];
  rowsRead: number;
  entries: number;
  skipped: SkippedRecord[];
  skills: { distinctTexts: number; mapped: number; unmapped: number; shareMapped: number; minScore: number; declared: number; unknownUris: number };
  /** Most frequent free-text skills that did not map, with counts. */
  topUnmapped: { text: string; count: number }[];
  duplicatesMerged: number;
  inserted: number;
  catalogSize: number;
  timings: { readMs: number; mapMs: number; storeMs: number };
  notes: string[];
}

/** Import catalogue files: parse, map free-text skills to ESCO once per distinct text, merge duplicates, store. */
export async function importCatalog(input: ImportCatalogInput, deps: ImportCatalogDeps, onProgress?: ImportProgress): Promise<ImportReport> {
  const parsedInput = ImportCatalogInputSchema.safeParse(input);
  if (!parsedInput.success) throw new InputError('invalid_import_input', `Import request is invalid: ${parsedInput.error.issues[0]?.message}. Pass at least one file or folder.`);
  const opts = parsedInput.data;
  const notes: string[] = [];
  let t = performance.now();
  const parsed = await deps.readSources(opts.paths);
  onProgress?.('read', parsed.length, parsed.length);
  const readMs = performance.now() - t;

  t = performance.now();
  const drafts = parsed.flatMap((p) => p.drafts);
  const textCounts = new Map<string, { text: string; count: number }>();
  for (const { draft } of drafts) {
    for (const s of draft.skillTexts ?? []) {
      const k = skillTextKey(s);
      if (!k) continue;
      const c = textCounts.get(k) ?? { text: s.trim(), count: 0 };
      c.count++;
      textCounts.set(k, c);
    }
  }
  const linker: LinkTexts = deps.linkTexts ?? (async (texts) => texts.map(() => []));
  if (!deps.linkTexts && textCounts.size > 0) notes.push('No skill linker available: free-text skills were kept as unmapped. Build the ESCO index and import again.');
  const resolved = await resolveSkillTexts(
    [...textCounts.values()].map((c) => c.text),
    linker,
    { minScore: opts.minScore, batchSize: opts.batchSize, onProgress: (d, n) => onProgress?.('map', d, n) },
  );
  let unknownUris = 0;
  let declared = 0;
  const checked = drafts.map(({ draft, ref }) => {
    const skills = (draft.skills ?? []).filter((s) => {
      const ok = !deps.isKnownSkill || deps.isKnownSkill(s.uri);
      if (ok) declared++;
      else unknownUris++;
      return ok;
    });
    return { draft: { ...draft, skills }, ref };
  });
  if (unknownUris > 0) notes.push(`${unknownUris} declared skill URI(s) are not in the loaded ESCO version and were dropped.`);
  const built = buildEntries(checked, resolved);
  const mapMs = performance.now() - t;

  t = performance.now();
  const { entries: unique, merged: inBatch } = dedupeEntries(built.entries);
  let inserted = 0;
  let mergedStore = 0;
  if (!opts.dryRun && unique.length > 0) {
    const r = await deps.catalog.upsert(unique);
    inserted = r.inserted;
    mergedStore = r.merged;
  }
  onProgress?.('store', unique.length, unique.length);
  const storeMs = performance.now() - t;

  const skipped = [...parsed.flatMap((p) => p.skipped), ...built.problems];
  const unmappedTexts = [...textCounts.entries()].filter(([k]) => !resolved.byText.get(k));
  return {
    files: parsed.map((p) => ({ file: p.file, format: p.format, rowsRead: p.rowsRead, entries: p.drafts.length, skipped: p.skipped.length })),
    rowsRead: parsed.reduce((s, p) => s + p.rowsRead, 0),
    entries: unique.length,
    skipped,
    skills: {
      distinctTexts: resolved.distinct,
      mapped: resolved.mapped,
      unmapped: resolved.distinct - resolved.mapped,
      shareMapped: resolved.distinct > 0 ? resolved.mapped / resolved.distinct : 0,
      minScore: opts.minScore,
      declared,
      unknownUris,
    },
    topUnmapped: unmappedTexts.map(([, c]) => c).sort((a, b) => b.count - a.count).slice(0, 20),
    duplicatesMerged: inBatch + mergedStore,
    inserted,
    catalogSize: await deps.catalog.count(),
    timings: { readMs, mapMs, storeMs },
    notes,
  };
}
