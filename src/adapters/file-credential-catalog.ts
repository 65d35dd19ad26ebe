import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { CATALOG_SCHEMA_VERSION, CatalogFileSchema, CredentialEntrySchema, type CredentialEntry } from '../core/catalog/credential-entry.js';
import { duplicateKeys } from '../core/catalog/dedupe-entries.js';
import { mergeEntries } from '../core/catalog/merge-entries.js';
import { DataError } from '../core/errors.js';
import type { CredentialCatalog, SkillLookupOptions, UpsertResult } from '../ports/credential-catalog.js';

export interface FileCatalogOptions {
  /** Writable JSON file holding imported entries (created on first upsert). */
  storePath: string;
  /** Read-only catalogue files loaded underneath the store (e.g. the shipped starter catalogue). */
  seedPaths?: readonly string[];
}

/** Write through a temporary file and rename, so a crash never leaves a half-written catalogue. */
async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, JSON.stringify(value));
  await rename(tmp, path);
}

async function readCatalogFile(path: string, problems: string[]): Promise<CredentialEntry[]> {
  let json: unknown;
  try {
    json = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new DataError('catalog_unreadable', `Cannot read the catalogue file ${basename(path)}: fix or delete it, then import again.`, { cause });
  }
  const file = CatalogFileSchema.safeParse(json);
  if (!file.success) {
    throw new DataError('catalog_invalid', `${basename(path)} is not a SkillProof catalogue (schemaVersion ${CATALOG_SCHEMA_VERSION} with entries[]).`);
  }
  const out: CredentialEntry[] = [];
  file.data.entries.forEach((raw, i) => {
    const e = CredentialEntrySchema.safeParse(raw);
    if (e.success) out.push(e.data);
    else problems.push(`${basename(path)} entry ${i}: ${e.error.issues[0]?.path.join('.')} ${e.error.issues[0]?.message}`);
  });
  return out;
}

/** Embedded catalogue: JSON files, held in memory with an ESCO URI → entry index. */
export class FileCredentialCatalog implements CredentialCatalog {
  private readonly byId = new Map<string, CredentialEntry>();
  private readonly byKey = new Map<string, string>();
  private readonly bySkill = new Map<string, Set<string>>();
  private readonly stored = new Set<string>();
  private loading: Promise<void> | null = null;
  /** Entries skipped while loading, with the reason. */
  readonly problems: string[] = [];

  constructor(private readonly options: FileCatalogOptions) {}

  private load(): Promise<void> {
    this.loading ??= (async () => {
      for (const p of this.options.seedPaths ?? []) for (const e of await readCatalogFile(p, this.problems)) this.put(e, false);
      if (existsSync(this.options.storePath)) {
        for (const e of await readCatalogFile(this.options.storePath, this.problems)) this.put(e, true);
      }
    })();
    return this.loading;
  }

  /** Insert or merge one entry into memory; returns whether it merged into an existing one. */
  private put(entry: CredentialEntry, stored: boolean): { id: string; merged: boolean } {
    const existingId = duplicateKeys(entry).map((k) => this.byKey.get(k)).find((id) => id !== undefined);
    const prev = existingId ? this.byId.get(existingId) : undefined;
    const next = prev ? mergeEntries(prev, entry) : entry;
    if (prev) for (const s of prev.skills) this.bySkill.get(s.uri)?.delete(prev.id);
    this.byId.set(next.id, next);
    for (const k of [...duplicateKeys(entry), ...duplicateKeys(next)]) this.byKey.set(k, next.id);
    for (const s of next.skills) {
      let set = this.bySkill.get(s.uri);
      if (!set) this.bySkill.set(s.uri, (set = new Set()));
      set.add(next.id);
    }
    if (stored) this.stored.add(next.id);
    return { id: next.id, merged: prev !== undefined };
  }

  async get(id: string): Promise<CredentialEntry | undefined> {
    await this.load();
    return this.byId.get(id);
  }

  async lookupBySkills(uris: readonly string[], options: SkillLookupOptions = {}): Promise<CredentialEntry[]> {
    await this.load();
    const min = options.minConfidence ?? 0;
    const ids = new Set<string>();
    for (const u of uris) for (const id of this.bySkill.get(u) ?? []) ids.add(id);
    const wanted = new Set(uris);
    return [...ids]
      .map((id) => this.byId.get(id)!)
      .filter((e) => e.skills.some((s) => wanted.has(s.uri) && (s.provenance === 'declared' || s.confidence >= min)));
  }

  async list(options: { offset?: number; limit?: number } = {}): Promise<CredentialEntry[]> {
    await this.load();
    const ids = [...this.byId.keys()].sort();
    const start = options.offset ?? 0;
    return ids.slice(start, start + (options.limit ?? ids.length)).map((id) => this.byId.get(id)!);
  }

  async count(): Promise<number> {
    await this.load();
    return this.byId.size;
  }

  async upsert(entries: readonly CredentialEntry[]): Promise<UpsertResult> {
    await this.load();
    let inserted = 0;
    let merged = 0;
    const ids = entries.map((e) => {
      const r = this.put(e, true);
      if (r.merged) merged++;
      else inserted++;
      return r.id;
    });
    const out = [...this.stored].sort().map((id) => this.byId.get(id)!);
    await writeJsonAtomic(this.options.storePath, { schemaVersion: CATALOG_SCHEMA_VERSION, entries: out });
    return { inserted, merged, ids };
  }
}
