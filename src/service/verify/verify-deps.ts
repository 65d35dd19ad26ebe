import type { TrustConfig } from '../../core/verify/issuer-trust.js';
import type { DocumentLoader } from '../../ports/document-loader.js';
import type { Fetcher } from '../../ports/fetcher.js';
import type { KeyResolver } from '../../ports/key-resolver.js';

/** Links free-text skill names to ESCO (the service's `linkTexts`); one best-first list per input text. */
export type LinkTexts = (texts: string[]) => Promise<{ uri: string; label: string; score: number }[][]>;

/** Everything verification needs from outside, passed in so the use case stays free of adapters. */
export interface VerifyDeps {
  fetcher: Fetcher;
  keys: KeyResolver;
  documents: DocumentLoader;
  trust?: TrustConfig;
  now?: () => Date;
  /** When given, achievement text without an ESCO alignment is linked to ESCO skills. */
  linkTexts?: LinkTexts;
  /** Minimum linker score for a linked skill (default 0.5). */
  linkMinScore?: number;
  /** Credentials older than this many years get a topicality note (default 3). */
  topicalityYears?: number;
  /** Status lists already loaded during one request (many credentials share a list); keyed by list URL. */
  statusCache?: Map<string, Promise<unknown>>;
}
