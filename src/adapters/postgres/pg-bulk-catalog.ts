import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { CatalogFileSchema, CredentialEntrySchema, type CredentialEntry } from '../../core/catalog/credential-entry.js';
import { duplicateKeys } from '../../core/catalog/dedupe-entries.js';
import { DataError, InputError } from '../../core/errors.js';
import { CATALOG_LOCK, credentialColumns, LINK_PLAN_COLUMNS } from './pg-credential-catalog.js';
import { copyRows, textArrayLiteral } from './pg-copy.js';
import type { PgDatabase } from './pg-database.js';

/** Entries of a SkillProof catalogue file: `{schemaVersion, entries[]}` JSON, or JSON Lines with one entry a line. */
async function* readEntries(path: string): AsyncGenerator<CredentialEntry> {
  const exists = await stat(path).catch(() => null);
  if (!exists?.isFile()) throw new InputError('catalog_file_missing', `No catalogue file at ${path}: check the path.`);
  const check = (raw: unknown, where: string) => {
    const e = CredentialEntrySchema.safeParse(raw);
    if (!e.success) throw new DataError('catalog_invalid', `${where}: ${e.error.issues[0]?.path.join('.')} ${e.error.issues[0]?.message}. Fix the entry and load again.`);
    return e.data;
  };
  if (path.endsWith('.jsonl') || path.endsWith('.ndjson')) {
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      line++;
      if (!text.trim()) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new DataError('catalog_invalid', `${basename(path)}:${line} is not JSON. Fix the line and load again.`);
      }
      yield check(raw, `${basename(path)}:${line}`);
    }
    return;
  }
  const file = CatalogFileSchema.safeParse(JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, '')));
  if (!file.success) throw new DataError('catalog_invalid', `${basename(path)} is not a SkillProof catalogue (schemaVersion and entries[]).`);
  let i = 0;
  for (const raw of file.data.entries) yield check(raw, `${basename(path)} entry ${i++}`);
}

/** Lines in a JSON Lines file (for the progress total), counted on raw bytes. */
async function countLines(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  }
  return n;
}

/**
 * Load catalogue files with COPY: credentials first (remembering their skills in compact arrays), then the
 * interned skill URIs and the skill links. Ids must be new (or `replace` empties the catalogue first); use
 * `catalog import` for files that need merging into what is stored.
 */
export async function bulkLoadCatalog(
  db: PgDatabase,
  paths: readonly string[],
  options: { replace?: boolean; expected?: number },
  onProgress?: (phase: string, done: number, total: number) => void,
): Promise<{ loaded: number; seconds: number }> {
  const started = performance.now();
  const result = await db.transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [CATALOG_LOCK]);
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    if (options.replace) await client.query('TRUNCATE credential, credential_skill');
    const known = new Map<string, number>();
    for (const r of (await client.query<{ id: number; uri: string }>('SELECT id, uri FROM skill_ref')).rows) known.set(r.uri, r.id);
    let nextSkill = Math.max(0, ...known.values()) + 1;
    const fresh: [number, string][] = [];
    const seq0 = Number((await client.query<{ n: string }>('SELECT COALESCE(max(seq), 0) AS n FROM credential')).rows[0]!.n);
    // Skill links are kept as three flat arrays (≈ 9 bytes a link) until the second COPY.
    let links = { skill: new Int32Array(1 << 20), declared: new Uint8Array(1 << 20), confidence: new Float32Array(1 << 20), seq: new Float64Array(1 << 20) };
    let nLinks = 0;
    const pushLink = (skill: number, seq: number, declared: boolean, confidence: number) => {
      if (nLinks === links.skill.length) {
        const grow = <T extends Int32Array | Uint8Array | Float32Array | Float64Array>(a: T): T => {
          const b = new (a.constructor as new (n: number) => T)(a.length * 2);
          b.set(a);
          return b;
        };
        links = { skill: grow(links.skill), declared: grow(links.declared), confidence: grow(links.confidence), seq: grow(links.seq) };
      }
      links.skill[nLinks] = skill;
      links.declared[nLinks] = declared ? 1 : 0;
      links.confidence[nLinks] = confidence;
      links.seq[nLinks++] = seq;
    };
    // The planner's columns per credential (by seq - seq0), copied onto each of its links in the second COPY.
    const planCols: (string | number | boolean | null)[][] = [];
    let seq = seq0;
    let total = options.expected ?? 0;
    if (!total && onProgress) for (const p of paths) if (p.endsWith('.jsonl') || p.endsWith('.ndjson')) total += await countLines(p).catch(() => 0);
    async function* credentialRows() {
      for (const path of paths) {
        for await (const e of readEntries(path)) {
          seq++;
          const seen = new Set<string>();
          for (const s of e.skills) {
            if (seen.has(s.uri)) continue;
            seen.add(s.uri);
            let id = known.get(s.uri);
            if (id === undefined) {
              id = nextSkill++;
              known.set(s.uri, id);
              fresh.push([id, s.uri]);
            }
            pushLink(id, seq, s.provenance === 'declared', s.confidence);
          }
          const c = credentialColumns(e);
          planCols.push(LINK_PLAN_COLUMNS.map((k) => c[k]));
          yield [seq, e.id, JSON.stringify(e), textArrayLiteral(duplicateKeys(e)), c.cost_amount, c.cost_currency, c.cost_free, c.hours, c.ects, c.eqf_level, c.mode, textArrayLiteral(c.languages), c.verifiable, c.stackable];
        }
      }
    }
    const loaded = await copyRows(
      client,
      'credential',
      ['seq', 'id', 'entry', 'dup_keys', 'cost_amount', 'cost_currency', 'cost_free', 'hours', 'ects', 'eqf_level', 'mode', 'languages', 'verifiable', 'stackable'],
      credentialRows(),
      (n) => onProgress?.('credentials', n, Math.max(total, n)),
    );
    onProgress?.('credentials', loaded, loaded);
    await client.query(`SELECT setval(pg_get_serial_sequence('credential', 'seq'), $1)`, [Math.max(1, seq)]);
    await copyRows(client, 'skill_ref', ['id', 'uri'], fresh);
    await client.query(`SELECT setval(pg_get_serial_sequence('skill_ref', 'id'), $1)`, [Math.max(1, nextSkill - 1)]);
    function* linkRows() {
      for (let i = 0; i < nLinks; i++) yield [links.skill[i]!, links.seq[i]!, links.declared[i] === 1, links.confidence[i]!, ...planCols[links.seq[i]! - seq0 - 1]!];
    }
    await copyRows(client, 'credential_skill', ['skill_id', 'credential_seq', 'declared', 'confidence', ...LINK_PLAN_COLUMNS], linkRows(), (n) => onProgress?.('skill links', n, nLinks));
    return loaded;
  });
  // Outside the transaction: VACUUM sets the visibility map, so skill lookups become index-only scans.
  onProgress?.('vacuum analyze', 0, 1);
  await db.query('VACUUM (ANALYZE) credential_skill');
  await db.query('VACUUM (ANALYZE) credential');
  onProgress?.('vacuum analyze', 1, 1);
  return { loaded: result, seconds: (performance.now() - started) / 1000 };
}
