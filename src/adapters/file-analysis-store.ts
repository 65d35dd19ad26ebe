import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PostingAnalysisSchema, type PostingAnalysis } from '../core/analysis.js';
import type { AnalysisStore } from '../ports/analysis-store.js';
import { writeFileAtomic } from './atomic-file.js';

export interface FileAnalysisStoreOptions {
  /** Folder for one JSON file per analysis; null keeps analyses in memory only. */
  dir: string | null;
  /** Analyses kept in memory (least recently used out first). */
  memoryEntries?: number;
  /** Files kept on disk; past this the oldest are removed. */
  maxFiles?: number;
}

const KEY = /^[0-9a-f]{16,128}$/;

/**
 * The embedded analysis store: a small in-memory LRU in front of one file per analysis (written atomically), so
 * analyses survive a restart without a database. Bounded in both places.
 */
export class FileAnalysisStore implements AnalysisStore {
  private readonly memory = new Map<string, PostingAnalysis>();
  private readonly memoryEntries: number;
  private readonly maxFiles: number;
  private fileCount: number | null = null;

  constructor(private readonly options: FileAnalysisStoreOptions) {
    this.memoryEntries = options.memoryEntries ?? 256;
    this.maxFiles = options.maxFiles ?? 2000;
  }

  async get(key: string): Promise<PostingAnalysis | null> {
    checkKey(key);
    const hit = this.memory.get(key);
    if (hit) {
      this.remember(key, hit);
      return hit;
    }
    if (!this.options.dir) return null;
    let raw: string;
    try {
      raw = await readFile(this.pathOf(key), 'utf8');
    } catch {
      return null;
    }
    const parsed = safeJson(raw);
    const valid = PostingAnalysisSchema.safeParse(parsed);
    if (!valid.success) {
      // Unreadable (older schema, damaged disk): forget it so the next analysis replaces it.
      await rm(this.pathOf(key), { force: true });
      return null;
    }
    this.remember(key, valid.data);
    return valid.data;
  }

  async put(key: string, analysis: PostingAnalysis): Promise<void> {
    checkKey(key);
    this.remember(key, analysis);
    if (!this.options.dir) return;
    this.fileCount ??= await this.countFiles();
    writeFileAtomic(this.pathOf(key), JSON.stringify(analysis));
    // An overwrite counts too: the count may run high, and pruning recounts.
    this.fileCount += 1;
    if (this.fileCount > this.maxFiles) await this.prune();
  }

  private remember(key: string, analysis: PostingAnalysis): void {
    this.memory.delete(key);
    this.memory.set(key, analysis);
    while (this.memory.size > this.memoryEntries) this.memory.delete(this.memory.keys().next().value!);
  }

  private pathOf(key: string): string {
    return join(this.options.dir!, `${key}.json`);
  }

  private async countFiles(): Promise<number> {
    return (await this.listFiles()).length;
  }

  private async listFiles(): Promise<string[]> {
    try {
      return (await readdir(this.options.dir!)).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
  }

  /** Remove the oldest files down to 90% of the bound, so pruning does not run on every write. */
  private async prune(): Promise<void> {
    const files = await this.listFiles();
    const dated = await Promise.all(
      files.map(async (f) => ({ f, t: await stat(join(this.options.dir!, f)).then((s) => s.mtimeMs, () => 0) })),
    );
    dated.sort((a, b) => a.t - b.t);
    const excess = dated.length - Math.floor(this.maxFiles * 0.9);
    await Promise.all(dated.slice(0, Math.max(0, excess)).map(({ f }) => rm(join(this.options.dir!, f), { force: true })));
    this.fileCount = dated.length - Math.max(0, excess);
  }
}

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Analysis store keys are hex digests; got "${key.slice(0, 40)}".`);
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
