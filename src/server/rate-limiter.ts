/** Decides whether a caller may make one more request now. Swappable for a shared store when scaling out. */
export interface RateLimiter {
  /** A shared store (database) answers asynchronously. */
  take(key: string): boolean | Promise<boolean>;
}

export interface RateLimitOptions {
  /** Requests a caller may make in a burst. */
  capacity: number;
  /** Requests regained per second. */
  refillPerSecond: number;
  /** Clock in ms, for tests. */
  now?: () => number;
}

/** In-memory token bucket per key (pairing token or IP). */
export function createRateLimiter(options: RateLimitOptions): { take(key: string): boolean } {
  const now = options.now ?? (() => Date.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: options.capacity, at: t };
      b.tokens = Math.min(options.capacity, b.tokens + ((t - b.at) / 1000) * options.refillPerSecond);
      b.at = t;
      const ok = b.tokens >= 1;
      if (ok) b.tokens -= 1;
      buckets.set(key, b);
      // Forget idle full buckets so the map cannot grow without bound.
      if (buckets.size > 10_000) for (const [k, v] of buckets) if (v.tokens >= options.capacity) buckets.delete(k);
      return ok;
    },
  };
}
