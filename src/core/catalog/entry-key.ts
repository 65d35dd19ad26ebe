/** Lower-case, strip accents and punctuation, squeeze spaces: the form two spellings of one title share. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Short stable hash (FNV-1a, 32 bit, base 36) — ids must not depend on import order. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The duplicate key of a catalogue entry: same title, same provider (or awarding body), same credential type.
 * Two rows with the same key describe the same offering and are merged.
 */
export function entryKey(e: { title: string; provider?: string | null; awardingBody?: string[]; credentialType?: string | null }): string {
  const who = e.awardingBody?.[0] ?? e.provider ?? '';
  return `${normalizeText(e.title)}|${normalizeText(who)}|${normalizeText(e.credentialType ?? '')}`;
}

/** A readable id derived from the duplicate key: `slug-of-title-hash`. */
export function entryId(e: Parameters<typeof entryKey>[0]): string {
  const slug = normalizeText(e.title).replace(/ /g, '-').slice(0, 48).replace(/-+$/, '');
  return `${slug || 'credential'}-${shortHash(entryKey(e))}`;
}
