import type pg from 'pg';
import { collapseToConcepts } from '../../core/concept-hits.js';
import { ConfigError, DataError } from '../../core/errors.js';
import type { SkillSurface } from '../../core/taxonomy-types.js';
import type { ConceptHit, SearchOptions, SkillIndex, SurfaceHit } from '../../ports/skill-index.js';
import { copyBinaryOut, copyRows, forEachBinaryRow, vectorLiteral } from './pg-copy.js';
import { explainPgError, type PgDatabase } from './pg-database.js';

/** What a loaded collection is: the same service configuration must find the same identity in the database. */
export interface CollectionIdentity {
  /** `skills` or `occupations`. */
  collection: string;
  /** Embedder id, e.g. `Xenova/all-MiniLM-L6-v2@q8`. */
  embedder: string;
  dim: number;
  escoVersion: string;
  escoFingerprint: string;
  /** Content key (ESCO, languages, label options, model): equal keys mean equal points. */
  contentKey: string;
}

export interface PgHnswParams {
  m: number;
  efConstruction: number;
  /** Default `hnsw.ef_search` (pgvector caps it at 1000). */
  efSearch: number;
}

// ef_search 400: recall@10 0.995 against exact search on the 98k MiniLM ESCO labels (200 gives 0.986; npm run bench -- scale).
export const DEFAULT_PG_HNSW: PgHnswParams = { m: 16, efConstruction: 100, efSearch: 400 };
const MAX_EF = 1000;

const collectionName = (id: Pick<CollectionIdentity, 'collection' | 'embedder'>) => `${id.collection}:${id.embedder}`;
const indexName = (collectionId: number) => `vector_point_hnsw_${collectionId}`;

interface CollectionRow {
  id: number;
  embedder: string;
  dim: number;
  esco_version: string;
  esco_fingerprint: string;
  index_key: string;
  points: number;
  ready: boolean;
}

/**
 * Decode pgvector's binary form (int16 dim, int16 unused, then dim big-endian float4) into `into` at `offset`
 * floats: byte-swapped in place and copied natively (this machine, like every Node.js target, is little-endian).
 */
function decodeVector(buf: Buffer, into: Buffer, offset: number, dim: number): void {
  const n = buf.readUInt16BE(0);
  if (n !== dim) throw new DataError('vector_dimension_mismatch', `A stored vector has ${n} dimensions, expected ${dim}: reload the taxonomy (skillproof store load-taxonomy).`);
  into.set(buf.subarray(4, 4 + dim * 4).swap32(), offset * 4);
}

/**
 * ESCO label search in PostgreSQL with pgvector: one partial HNSW index per loaded collection, inner product on
 * normalised vectors. The label table (texts, surfaces, vectors) is read into memory on open because callers
 * re-score candidates synchronously; every nearest-neighbour search runs in the database, so replicas share it.
 */
export class PgvectorSkillIndex implements SkillIndex {
  readonly exact = false;
  readonly size: number;
  private readonly efOf = new WeakMap<pg.PoolClient, number>();

  private constructor(
    private readonly db: PgDatabase,
    private readonly collectionId: number,
    readonly dim: number,
    private readonly texts: readonly string[],
    private readonly groups: readonly SkillSurface[][],
    private readonly vectors: Float32Array,
    private defaultEf: number,
  ) {
    this.size = texts.length;
  }

  /**
   * Open a loaded collection. Refuses, with a message naming both sides, a database loaded with another ESCO
   * version, label options or embedding model.
   */
  static async open(db: PgDatabase, want: CollectionIdentity, options: { efSearch?: number } = {}): Promise<PgvectorSkillIndex> {
    const name = collectionName(want);
    const found = await db.query<CollectionRow>('SELECT id, embedder, dim, esco_version, esco_fingerprint, index_key, points, ready FROM vector_collection WHERE name = $1', [name]);
    const row = found.rows[0];
    if (!row) {
      const other = await db.query<{ name: string; esco_version: string }>('SELECT name, esco_version FROM vector_collection WHERE collection = $1 AND ready', [want.collection]);
      const held = other.rows.map((r) => `${r.name} (ESCO ${r.esco_version})`).join(', ');
      throw new ConfigError(
        'store_model_mismatch',
        held
          ? `The database holds ESCO ${want.collection} embedded with other models (${held}), not ${want.embedder}: run \`skillproof store load-taxonomy\` with this configuration, or set SKILLPROOF_EMBEDDING_MODEL to the model the database was loaded with.`
          : `No ESCO ${want.collection} are loaded in the database yet: run \`skillproof store load-taxonomy\`.`,
      );
    }
    if (!row.ready) throw new DataError('store_loading', `ESCO ${want.collection} for ${want.embedder} are still being loaded (or a load failed): wait, or run \`skillproof store load-taxonomy\` again.`);
    if (row.dim !== want.dim) {
      throw new ConfigError('store_model_mismatch', `The database's ${name} vectors have ${row.dim} dimensions but the model gives ${want.dim}: reload with \`skillproof store load-taxonomy\`.`);
    }
    if (row.esco_version !== want.escoVersion || row.esco_fingerprint !== want.escoFingerprint || row.index_key !== want.contentKey) {
      const what = row.esco_version !== want.escoVersion ? `ESCO ${row.esco_version}, not ESCO ${want.escoVersion} as configured` : 'labels from a different ESCO download or label options';
      throw new ConfigError('store_esco_mismatch', `The database holds ${what} (${name}): run \`skillproof store load-taxonomy\` to reload it, or point SKILLPROOF_ESCO_DIR at the ESCO files it was loaded from.`);
    }
    const meta = await db.query<{ text: string; surfaces: SkillSurface[] }>('SELECT text, surfaces FROM vector_point WHERE collection_id = $1 ORDER BY point', [row.id]);
    const vectors = new Float32Array(meta.rows.length * row.dim);
    // Vectors come back through binary COPY: parsing 100k text vectors would take seconds.
    const copied = await copyBinaryOut(db, `COPY (SELECT point, embedding FROM vector_point WHERE collection_id = ${row.id}) TO STDOUT (FORMAT binary)`);
    const bytes = Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
    forEachBinaryRow(copied, (fields) => decodeVector(fields[1]!, bytes, fields[0]!.readInt32BE(0) * row.dim, row.dim));
    return new PgvectorSkillIndex(db, row.id, row.dim, meta.rows.map((r) => r.text), meta.rows.map((r) => r.surfaces), vectors, options.efSearch ?? DEFAULT_PG_HNSW.efSearch);
  }

  setEf(ef: number): void {
    this.defaultEf = ef;
  }

  private async knn(vector: Float32Array, k: number, options?: SearchOptions): Promise<{ point: number; score: number }[]> {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    // pgvector's HNSW scan returns at most ef_search rows: keep it at least k.
    const ef = Math.min(MAX_EF, Math.max(n, options?.ef ?? this.defaultEf));
    const client = await this.db.pool.connect().catch((e: unknown) => {
      throw explainPgError(e, this.db.url);
    });
    try {
      if (this.efOf.get(client) !== ef) {
        await client.query(`SET hnsw.ef_search = ${ef}`);
        this.efOf.set(client, ef);
      }
      // The collection id is inlined so the planner matches the collection's partial index.
      const expr = `embedding::vector(${this.dim})`;
      const r = await client.query<{ point: number; distance: number }>(
        `SELECT point, ${expr} <#> $1::vector(${this.dim}) AS distance FROM vector_point
         WHERE collection_id = ${this.collectionId} ORDER BY ${expr} <#> $1::vector(${this.dim}) LIMIT ${n}`,
        [vectorLiteral(vector)],
      );
      // `<#>` is the negative inner product.
      return r.rows.map((row) => ({ point: row.point, score: -row.distance }));
    } catch (e) {
      throw explainPgError(e, this.db.url);
    } finally {
      client.release();
    }
  }

  async searchSurfaces(vector: Float32Array, k: number, options?: SearchOptions): Promise<SurfaceHit[]> {
    return (await this.knn(vector, k, options)).map((h) => ({ ...h, text: this.texts[h.point]!, surfaces: this.groups[h.point]! }));
  }

  async searchConcepts(vector: Float32Array, k: number, options?: SearchOptions): Promise<ConceptHit[]> {
    return collapseToConcepts(await this.knn(vector, options?.surfaces ?? k * 4, options), this.groups, k);
  }

  pointVector(point: number): Float32Array {
    return this.vectors.subarray(point * this.dim, (point + 1) * this.dim);
  }
  pointText(point: number): string {
    return this.texts[point]!;
  }
  pointSurfaces(point: number): readonly SkillSurface[] {
    return this.groups[point]!;
  }
}

export interface CollectionData {
  texts: readonly string[];
  groups: readonly (readonly SkillSurface[])[];
  /** Row-major, L2-normalised, `texts.length × dim`. */
  vectors: Float32Array;
}

export type LoadPhase = 'copy' | 'index';

/**
 * Replace one collection in the database: COPY every point, then build its HNSW index, then mark it ready, all in
 * one transaction so replicas keep serving the old collection until the new one is complete.
 */
export async function loadCollection(
  db: PgDatabase,
  identity: CollectionIdentity,
  data: CollectionData,
  params: PgHnswParams = DEFAULT_PG_HNSW,
  onProgress?: (phase: LoadPhase, done: number, total: number) => void,
): Promise<{ collectionId: number; points: number }> {
  const { dim } = identity;
  const total = data.texts.length;
  if (data.vectors.length !== total * dim) throw new DataError('vector_dimension_mismatch', `Expected ${total} vectors of ${dim} dimensions.`);
  let progressTimer: NodeJS.Timeout | null = null;
  try {
    return await db.transaction(async (client) => {
      const name = collectionName(identity);
      const old = await client.query<{ id: number }>('DELETE FROM vector_collection WHERE name = $1 RETURNING id', [name]);
      for (const r of old.rows) await client.query(`DROP INDEX IF EXISTS ${indexName(r.id)}`);
      const ins = await client.query<{ id: number }>(
        `INSERT INTO vector_collection (name, collection, embedder, dim, esco_version, esco_fingerprint, index_key, points)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [name, identity.collection, identity.embedder, dim, identity.escoVersion, identity.escoFingerprint, identity.contentKey, total],
      );
      const id = ins.rows[0]!.id;
      function* rows() {
        for (let p = 0; p < total; p++) yield [id, p, data.texts[p]!, JSON.stringify(data.groups[p]), vectorLiteral(data.vectors.subarray(p * dim, (p + 1) * dim))];
      }
      await copyRows(client, 'vector_point', ['collection_id', 'point', 'text', 'surfaces', 'embedding'], rows(), (n) => onProgress?.('copy', n, total));
      onProgress?.('index', 0, total);
      // pg_stat_progress_create_index shows the build from another connection.
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      progressTimer = setInterval(() => {
        db.pool
          .query<{ done: string }>('SELECT tuples_done AS done FROM pg_stat_progress_create_index WHERE pid = $1', [pid])
          .then((r) => r.rows[0] && onProgress?.('index', Math.min(total, Number(r.rows[0].done)), total))
          .catch(() => undefined);
      }, 1000);
      await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
      await client.query(
        `CREATE INDEX ${indexName(id)} ON vector_point USING hnsw ((embedding::vector(${dim})) vector_ip_ops)
         WITH (m = ${params.m}, ef_construction = ${params.efConstruction}) WHERE collection_id = ${id}`,
      );
      clearInterval(progressTimer);
      onProgress?.('index', total, total);
      await client.query('UPDATE vector_collection SET ready = true, loaded_at = now() WHERE id = $1', [id]);
      await client.query('ANALYZE vector_point');
      return { collectionId: id, points: total };
    });
  } finally {
    if (progressTimer) clearInterval(progressTimer);
  }
}
