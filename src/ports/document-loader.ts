/**
 * Serves JSON-LD documents (contexts) for canonicalisation.
 *
 * Contract:
 * - Answers only from documents pinned locally (bundled with the app); never loads a context from the network, so a
 *   credential cannot make the verifier fetch arbitrary URLs or change meaning by changing a remote context.
 * - Returns null for an unknown URL; callers report "context not available" instead of guessing.
 */
export interface DocumentLoader {
  load(url: string): RemoteDocument | null;
  /** The URLs this loader can serve (for messages and tests). */
  urls(): readonly string[];
}

export interface RemoteDocument {
  documentUrl: string;
  document: unknown;
  contextUrl: null;
}
