import type { Embedder } from '../../ports/embedder.js';
import type { SkillIndex } from '../../ports/skill-index.js';
import type { StoreAdmin, StoreProgress } from '../../ports/store-admin.js';
import type { Taxonomy } from '../../ports/taxonomy.js';
import { DEFAULT_HNSW } from '../hnsw-skill-index.js';
import { DEFAULT_INDEX_OPTIONS, indexCacheKey, openSkillIndex, type OpenIndexInput } from '../skill-index-store.js';
import { PgAnalysisStore } from './pg-analysis-store.js';
import { bulkLoadCatalog } from './pg-bulk-catalog.js';
import { PgCredentialCatalog } from './pg-credential-catalog.js';
import { assertMigrated, migrateDatabase, openPgDatabase, pendingMigrations, redactUrl, type PgDatabase } from './pg-database.js';
import { PgPairingStore } from './pg-pairing-store.js';
import { createPgRateLimiter } from './pg-rate-limiter.js';
import { DEFAULT_PG_HNSW, loadCollection, PgvectorSkillIndex, type CollectionIdentity } from './pgvector-skill-index.js';

/** What identifies a collection's content: the embedded cache key without the HNSW build parameters. */
export function collectionIdentity(input: Pick<OpenIndexInput, 'taxonomy' | 'embedder' | 'options' | 'collection'>): CollectionIdentity {
  const options = { ...DEFAULT_INDEX_OPTIONS, ...input.options, hnsw: { m: 0, efConstruction: 0, efSearch: 0 } };
  const collection = input.collection?.name ?? 'skills';
  return {
    collection,
    embedder: input.embedder.id,
    dim: input.embedder.dim,
    escoVersion: input.taxonomy.version,
    escoFingerprint: input.taxonomy.fingerprint ?? '',
    contentKey: indexCacheKey({ escoVersion: input.taxonomy.version, escoFingerprint: input.taxonomy.fingerprint ?? '', embedderId: input.embedder.id, options, collection }),
  };
}

/** The pieces `load-taxonomy` needs per model: the taxonomy and the embedder (label vectors come from the index cache). */
export interface TaxonomySource {
  taxonomy: Taxonomy & { fingerprint?: string; occupations(): ReturnType<Taxonomy['occupations']> };
  embedder: Embedder;
  cacheDir: string;
  options?: OpenIndexInput['options'];
}

/**
 * Every PostgreSQL adapter over one connection pool: what create-service wires when SKILLPROOF_STORE=postgres.
 * The schema is checked once, on first use, so an old database is refused with the command that fixes it.
 */
export function createPgStore(url: string, settings: { efSearch?: number | null; rateLimit?: { capacity: number; refillPerSecond: number } | null } = {}) {
  const db: PgDatabase = openPgDatabase(url);
  let schemaChecked: Promise<void> | null = null;
  const ready = () => {
    schemaChecked ??= assertMigrated(db);
    schemaChecked.catch(() => (schemaChecked = null));
    return schemaChecked;
  };
  return {
    db,
    catalog: new PgCredentialCatalog(db),
    analyses: new PgAnalysisStore(db),
    pairing: new PgPairingStore(db),
    rateLimiter: createPgRateLimiter(db, settings.rateLimit ?? undefined),
    ready,
    /** Stands in for openSkillIndex: the same inputs, answered from the database. */
    async openIndex(input: OpenIndexInput): Promise<{ index: SkillIndex }> {
      await ready();
      return { index: await PgvectorSkillIndex.open(db, collectionIdentity(input), { efSearch: settings.efSearch ?? DEFAULT_PG_HNSW.efSearch }) };
    },
    admin(sources: (multilingual: boolean) => Promise<TaxonomySource[]>): StoreAdmin {
      return {
        migrate: () => migrateDatabase(db),
        async status() {
          const pending = await pendingMigrations(db);
          const migrated = pending.length === 0;
          const cols = migrated
            ? (await db.query<{ name: string; esco_version: string; embedder: string; points: number; ready: boolean }>('SELECT name, esco_version, embedder, points, ready FROM vector_collection ORDER BY name')).rows
            : [];
          const count = async (table: string) => (migrated ? Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n) : 0);
          return {
            kind: 'postgres' as const,
            location: redactUrl(url),
            pendingMigrations: pending,
            collections: cols.map((c) => ({ name: c.name, escoVersion: c.esco_version, embedder: c.embedder, points: c.points, ready: c.ready })),
            credentials: await count('credential'),
            analyses: await count('posting_analysis'),
          };
        },
        async loadTaxonomy(options, onProgress?: StoreProgress) {
          await ready();
          const out: { name: string; points: number; seconds: number }[] = [];
          for (const src of await sources(Boolean(options.multilingual))) {
            for (const collection of [undefined, { name: 'occupations', concepts: src.taxonomy.occupations() }]) {
              const started = performance.now();
              const name = `${collection?.name ?? 'skills'}:${src.embedder.id}`;
              // Label vectors come from the embedded index cache (built once, with its own progress bar).
              const opened = await openSkillIndex({
                taxonomy: src.taxonomy,
                embedder: src.embedder,
                cacheDir: src.cacheDir,
                options: { ...src.options, hnsw: { ...DEFAULT_HNSW, ...src.options?.hnsw } },
                collection,
                onProgress: (phase, done, total) => onProgress?.(`${name} ${phase}`, done, total),
              });
              const exact = opened.exact();
              const vectors = new Float32Array(exact.size * exact.dim);
              const texts: string[] = [];
              const groups = [];
              for (let p = 0; p < exact.size; p++) {
                vectors.set(exact.pointVector(p), p * exact.dim);
                texts.push(exact.pointText(p));
                groups.push(exact.pointSurfaces(p));
              }
              const identity = collectionIdentity({ taxonomy: src.taxonomy, embedder: src.embedder, options: src.options, collection });
              await loadCollection(db, identity, { texts, groups, vectors }, DEFAULT_PG_HNSW, (phase, done, total) => onProgress?.(`${name} ${phase}`, done, total));
              out.push({ name, points: texts.length, seconds: (performance.now() - started) / 1000 });
            }
          }
          return out;
        },
        async importCatalog(paths, options, onProgress) {
          await ready();
          return bulkLoadCatalog(db, paths, options, onProgress);
        },
      };
    },
    close: () => db.close(),
  };
}

export type PgStore = ReturnType<typeof createPgStore>;
