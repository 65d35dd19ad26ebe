import { PostingAnalysisSchema, type PostingAnalysis } from '../../core/analysis.js';
import { InputError } from '../../core/errors.js';
import type { AnalysisStore } from '../../ports/analysis-store.js';
import type { PgDatabase } from './pg-database.js';

export interface PgAnalysisStoreOptions {
  /** Most analyses kept; the oldest go first (checked every `pruneEvery` writes). Default 200,000. */
  maxEntries?: number;
  pruneEvery?: number;
}

function checkKey(key: string): void {
  if (!/^[0-9a-f]{16,128}$/.test(key)) throw new InputError('bad_analysis_key', 'Analysis keys are lowercase hex digests.');
}

/** Posting analyses in PostgreSQL, so a posting analysed by one replica is answered by all of them. */
export class PgAnalysisStore implements AnalysisStore {
  private writes = 0;

  constructor(
    private readonly db: PgDatabase,
    private readonly options: PgAnalysisStoreOptions = {},
  ) {}

  async get(key: string): Promise<PostingAnalysis | null> {
    checkKey(key);
    try {
      const r = await this.db.query<{ analysis: unknown }>('SELECT analysis FROM posting_analysis WHERE key = $1', [key]);
      if (!r.rows[0]) return null;
      const valid = PostingAnalysisSchema.safeParse(r.rows[0].analysis);
      return valid.success ? valid.data : null;
    } catch {
      // A cache must never fail a request: an unreachable database means "not stored".
      return null;
    }
  }

  async put(key: string, analysis: PostingAnalysis): Promise<void> {
    checkKey(key);
    await this.db.query(
      `INSERT INTO posting_analysis (key, analysis) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET analysis = EXCLUDED.analysis, stored_at = now()`,
      [key, JSON.stringify(analysis)],
    );
    if (++this.writes % (this.options.pruneEvery ?? 500) === 0) await this.prune();
  }

  private async prune(): Promise<void> {
    const max = this.options.maxEntries ?? 200_000;
    await this.db.query(
      `DELETE FROM posting_analysis WHERE stored_at < (SELECT stored_at FROM posting_analysis ORDER BY stored_at DESC OFFSET $1 LIMIT 1)`,
      [max - 1],
    );
  }
}
