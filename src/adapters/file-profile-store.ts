import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DataError } from '../core/errors.js';
import { ProfileSchema, type Profile } from '../core/profile/profile.js';
import type { ProfileStore } from '../ports/profile-store.js';

/** A profile kept as one JSON file (written to a temporary file, then renamed, so a crash never corrupts it). */
export class FileProfileStore implements ProfileStore {
  constructor(readonly path: string) {}

  async load(): Promise<Profile | null> {
    if (!existsSync(this.path)) return null;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(this.path, 'utf8'));
    } catch (cause) {
      throw new DataError('profile_unreadable', `The profile file ${basename(this.path)} is not valid JSON: fix it or delete it and import again.`, { cause });
    }
    const parsed = ProfileSchema.safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new DataError('profile_invalid', `The profile file ${basename(this.path)} is invalid at ${i.path.join('.')}: ${i.message}. Fix it or delete it and import again.`);
    }
    return parsed.data;
  }

  async save(profile: Profile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, `${JSON.stringify(profile, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, this.path);
  }
}
