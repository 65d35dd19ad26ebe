import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { parseTrustRegistry, type TrustConfig, type TrustRegistry } from '../core/verify/issuer-trust.js';
import type { DocumentLoader } from '../ports/document-loader.js';
import type { Fetcher } from '../ports/fetcher.js';
import type { KeyResolver } from '../ports/key-resolver.js';
import { DidKeyResolver } from './did-key-resolver.js';
import { SafeFetcher, type SafeFetcherOptions } from './safe-fetcher.js';
import { StaticDocumentLoader } from './static-document-loader.js';

export interface VerificationAdapterOptions extends SafeFetcherOptions {
  /** An existing fetcher to share (otherwise one is built from the fetcher options). */
  fetcher?: Fetcher;
  /** Verification method id → publicKeyMultibase for keys published out of band. */
  pinnedKeys?: Readonly<Record<string, string>>;
  /** Trust registry files: DCC issuer-registry JSON or `{name, issuers: [...]}` allow-lists. */
  trustFiles?: readonly string[];
  /** Registries already in memory (e.g. a local allow-list from config). */
  trustRegistries?: readonly TrustRegistry[];
}

/** Read trust registry files; a file that is not a registry is a configuration fault. */
export function loadTrustRegistries(files: readonly string[]): TrustRegistry[] {
  return files.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError('trust_registry_unreadable', `Cannot read trust registry ${file}: ${(e as Error).message}. Fix the path or the JSON.`, { cause: e });
    }
    const registry = parseTrustRegistry(json, basename(file).replace(/\.json$/i, ''));
    if (!registry) {
      throw new ConfigError('trust_registry_invalid', `${file} is neither a DCC issuer registry ({registry: {...}}) nor an allow-list ({issuers: [...]}).`);
    }
    return registry;
  });
}

/**
 * The adapters `verifyCredential` needs (fetcher, key resolver, pinned JSON-LD contexts, trust registries), built
 * in one place for create-service and tests.
 */
export function createVerificationAdapters(options: VerificationAdapterOptions = {}): {
  fetcher: Fetcher;
  keys: KeyResolver;
  documents: DocumentLoader;
  trust: TrustConfig;
} {
  const fetcher = options.fetcher ?? new SafeFetcher(options);
  return {
    fetcher,
    keys: new DidKeyResolver(fetcher, { pinned: options.pinnedKeys }),
    documents: new StaticDocumentLoader(),
    trust: { registries: [...(options.trustRegistries ?? []), ...loadTrustRegistries(options.trustFiles ?? [])] },
  };
}
