import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Durable JSON documents in one folder, one file per key. Writes go to a temp file, are fsynced, renamed over the
 * old file and the folder is fsynced, so a crash (kill -9, power loss) leaves either the old or the new document.
 */
export class JsonFileStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private pathOf(key: string): string {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(key)) throw new Error(`Invalid store key: ${key}`);
    return join(this.dir, `${key}.json`);
  }

  /** The stored document, or null when there is none. */
  read<T>(key: string): T | null {
    try {
      return JSON.parse(readFileSync(this.pathOf(key), 'utf8')) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Replace the document atomically and durably. */
  write(key: string, value: unknown): void {
    const path = this.pathOf(key);
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(value));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    const dirFd = openSync(this.dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}
