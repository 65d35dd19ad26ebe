/** Progress of a long store operation: phase name, units done, units in total. */
export type StoreProgress = (phase: string, done: number, total: number) => void;

export interface StoreStatus {
  kind: 'postgres';
  /** Connection string with the password hidden. */
  location: string;
  pendingMigrations: string[];
  /** Loaded label collections: what ESCO version and model each holds. */
  collections: { name: string; escoVersion: string; embedder: string; points: number; ready: boolean }[];
  credentials: number;
  analyses: number;
}

/**
 * Administration of a shared database store (`skillproof store …`): schema migrations, loading ESCO label vectors,
 * bulk catalogue loads. Only database-backed stores have one; the embedded store needs none.
 *
 * Contract: every operation is idempotent and safe while replicas serve (a reload replaces a collection in one
 * transaction); failures name what was wrong and the command that fixes it.
 */
export interface StoreAdmin {
  /** Apply pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  status(): Promise<StoreStatus>;
  /** Copy the ESCO label vectors of the configured model(s) into the database and build their HNSW indexes. */
  loadTaxonomy(options: { multilingual?: boolean }, onProgress?: StoreProgress): Promise<{ name: string; points: number; seconds: number }[]>;
  /** Bulk-load SkillProof catalogue files (JSON or JSON Lines, ESCO URIs already set) with COPY. */
  importCatalog(paths: readonly string[], options: { replace?: boolean }, onProgress?: StoreProgress): Promise<{ loaded: number; seconds: number }>;
}
