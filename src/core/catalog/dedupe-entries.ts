import type { CredentialEntry } from './credential-entry.js';
import { entryKey } from './entry-key.js';
import { mergeEntries } from './merge-entries.js';

/** The keys under which an entry counts as a duplicate: its id, its duplicate key, and its URL when it has one. */
export function duplicateKeys(e: CredentialEntry): string[] {
  return [`id:${e.id}`, `key:${entryKey(e)}`, ...(e.url ? [`url:${e.url.replace(/[?#].*$/, '').replace(/\/$/, '').toLowerCase()}`] : [])];
}

/** Merge entries that share an id, a duplicate key or a URL; returns the merged list and how many merges happened. */
export function dedupeEntries(entries: readonly CredentialEntry[]): { entries: CredentialEntry[]; merged: number } {
  const slot = new Map<string, number>();
  const out: CredentialEntry[] = [];
  let merged = 0;
  for (const e of entries) {
    const hit = duplicateKeys(e).map((k) => slot.get(k)).find((i) => i !== undefined);
    if (hit === undefined) {
      out.push(e);
      for (const k of duplicateKeys(e)) slot.set(k, out.length - 1);
    } else {
      merged++;
      out[hit] = mergeEntries(out[hit]!, e);
      for (const k of duplicateKeys(out[hit]!)) slot.set(k, hit);
    }
  }
  return { entries: out, merged };
}
