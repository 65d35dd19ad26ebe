/** What walking up ESCO's skill hierarchy needs (the Taxonomy port satisfies it). */
export interface BroaderLinks {
  broader(uri: string): readonly string[];
}

/** The concepts above `uri`, level by level (each at the nearest level it is reached), at most `maxLevels` levels. */
export function broaderLevels(h: BroaderLinks, uri: string, maxLevels: number): string[][] {
  const seen = new Set([uri]);
  const levels: string[][] = [];
  let frontier = [uri];
  while (levels.length < maxLevels) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const b of h.broader(u)) {
        if (seen.has(b)) continue;
        seen.add(b);
        next.push(b);
      }
    }
    if (!next.length) break;
    levels.push(next);
    frontier = next;
  }
  return levels;
}

/** Every concept above `uri` (broader, transitively), up to `maxLevels` levels. */
export function ancestorsOf(h: BroaderLinks, uri: string, maxLevels: number): Set<string> {
  return new Set(broaderLevels(h, uri, maxLevels).flat());
}
