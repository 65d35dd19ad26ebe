/**
 * The one way SkillProof reaches the network.
 *
 * Contract:
 * - Only http(s) URLs; refuses loopback, private, link-local and other non-public targets unless the adapter
 *   is configured to allow them (SSRF), checking the resolved address, and re-checking on every redirect.
 * - Stops reading after `maxBytes` and after `timeoutMs`, with a FetchError whose code says which.
 * - A configured mirror maps URL prefixes to local files (tests, offline use) before any network access.
 * - Never throws for HTTP status codes: `status` is returned; throws FetchError for refusals and transport faults.
 */
export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
}

export interface FetchOptions {
  accept?: string;
  maxBytes?: number;
  timeoutMs?: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

export interface FetchResult {
  url: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
  /** Whether the answer came from the local mirror. */
  fromMirror: boolean;
}
