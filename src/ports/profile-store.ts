import type { Profile } from '../core/profile/profile.js';

/**
 * Where a person's profile lives. The CLI keeps it in a local file; the extension keeps it in browser storage.
 *
 * Contract: `load` returns null when no profile was saved yet and throws `DataError` when the stored one is
 * unreadable; `save` replaces the whole profile atomically (readers never see a half-written one).
 */
export interface ProfileStore {
  load(): Promise<Profile | null>;
  save(profile: Profile): Promise<void>;
}
