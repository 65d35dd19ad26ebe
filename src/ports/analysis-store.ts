import type { PostingAnalysis } from '../core/analysis.js';

/**
 * Finished posting analyses, addressed by a content key the service derives from the read posting, the options
 * and the engine that produced it (model, ESCO version, linker revision). The same posting analysed again — the
 * panel re-opened, many users on one popular job ad, a second replica — is answered from here.
 *
 * Contract: keys are opaque lowercase hex strings; `get` returns null for an unknown key and also for an entry it
 * cannot read back as a valid analysis (a cache must never fail a request); `put` replaces any entry under the key
 * and readers never see a half-written one. Stores may forget entries at any time (bounded size).
 */
export interface AnalysisStore {
  get(key: string): Promise<PostingAnalysis | null>;
  put(key: string, analysis: PostingAnalysis): Promise<void>;
}
