import { ConfigError } from '../core/errors.js';
import { loadEscoTaxonomy, type EscoCsvTaxonomy } from '../adapters/esco-csv-taxonomy.js';
import { createLocalEmbedder } from '../adapters/local-embedder.js';
import { openSkillIndex, type IndexBuildOptions } from '../adapters/skill-index-store.js';
import { createPgStore } from '../adapters/postgres/pg-store.js';
import type { StoreAdmin } from '../ports/store-admin.js';
import type { SharedPairingState } from '../ports/shared-pairing-state.js';
import { readHtmlPosting } from '../adapters/html-posting-reader.js';
import { readPdfPosting } from '../adapters/pdf-posting-reader.js';
import { SafeFetcher } from '../adapters/safe-fetcher.js';
import { readUrlPosting } from '../adapters/url-posting-reader.js';
import { AnalyzeInputSchema } from './service-types.js';
import { buildPosting } from '../core/posting/build-posting.js';
import { readTextPosting } from '../core/posting/read-text-posting.js';
import { InputError } from '../core/errors.js';
import type { LexicalMatcher } from '../core/lexical-matcher.js';
import type { Posting } from '../core/posting.js';
import type { Embedder } from '../ports/embedder.js';
import type { SkillIndex } from '../ports/skill-index.js';
import { analyzePosting } from './analyze-posting.js';
import { createOpenAiChatCompleter } from '../adapters/openai-chat-completer.js';
import { createLlmReranker } from './llm-rerank.js';
import { FileCredentialCatalog } from '../adapters/file-credential-catalog.js';
import { FileProfileStore } from '../adapters/file-profile-store.js';
import { createHighsCoverSolver } from '../adapters/highs-cover-solver.js';
import { readCatalogFiles } from '../adapters/catalog-importers/read-catalog-files.js';
import { pdfText } from '../adapters/pdf-text.js';
import { createVerificationAdapters } from '../adapters/verification-adapters.js';
import { bindCredentialUseCases, type CredentialUseCases } from './credential-use-cases.js';
import { createVerificationUseCases, type VerificationUseCases } from './verification-use-cases.js';
import { rankTexts } from './rank-skills.js';
import { cachingEmbedder } from './caching-embedder.js';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { FileAnalysisStore } from '../adapters/file-analysis-store.js';
import type { AnalysisStore } from '../ports/analysis-store.js';
import type { PostingAnalysis } from '../core/analysis.js';
import { LINKER_REVISION } from './link-posting.js';
import { buildLexicalMatcher } from './lexicon.js';
import { loadConfig, type Config } from './config.js';
import { resolveEngineModel } from './trained-model.js';
import { pointLookup } from './rank-skills.js';
import { searchSkills } from './search-skills.js';
import type { AnalyzeInput, SkillProofService } from './service-types.js';
import type { ProgressReporter, SkillEngine } from './skill-engine.js';

import type { EngineKind } from './analyze-posting.js';

export type { EngineKind };

/** How long an analysis waits for a model that is still loading before it answers with the English one. */
const ENGINE_WAIT_MS = 8000;

export interface CreateServiceOptions {
  config?: Config;
  /** Environment to read when no config is given; defaults to process.env (the only place that reads it). */
  env?: Record<string, string | undefined>;
  /** Replace the embedders (unit tests use a deterministic fake). */
  embedders?: Partial<Record<EngineKind, Embedder>>;
  indexOptions?: Partial<IndexBuildOptions>;
  onProgress?: ProgressReporter;
  /** Query vectors remembered across calls (0 turns the cache off, e.g. for benchmarks). Default 50,000. */
  queryCacheSize?: number;
  /** One-line notices about the setup (e.g. the trained model is not built). Default: stderr. */
  onNotice?: (line: string) => void;
  /** Where finished analyses are kept; null turns the store off (benchmarks of analysis speed). Default: files in the data dir. */
  analysisStore?: AnalysisStore | null;
}

export interface WiredService extends SkillProofService, CredentialUseCases, VerificationUseCases {
  engine(kind?: EngineKind): Promise<SkillEngine>;
  occupationIndex(kind?: EngineKind): Promise<SkillIndex>;
  lexical(): Promise<LexicalMatcher>;
  taxonomy(): Promise<EscoCsvTaxonomy>;
  /** `skillproof store …`: administration of the shared database; null with the embedded store. */
  store: StoreAdmin | null;
  /** Pairing and rate limits shared by replicas (the database); null: kept per process. */
  shared: { pairing: SharedPairingState; rateLimiter: { take(key: string): Promise<boolean> } } | null;
}

/** Wire config, adapters and use cases. Everything heavy loads lazily, once, on first use. */
export function createService(options: CreateServiceOptions = {}): WiredService {
  const config = options.config ?? loadConfig(options.env ?? process.env);
  let taxonomyPromise: Promise<EscoCsvTaxonomy> | null = null;
  const engines = new Map<EngineKind, Promise<SkillEngine>>();
  // SKILLPROOF_STORE=postgres: the same ports answered from one shared database (README, "PostgreSQL").
  const pgStore = config.store.kind === 'postgres' ? createPgStore(config.store.databaseUrl!, { efSearch: config.store.efSearch, rateLimit: config.rateLimit }) : null;
  const openIndex = (input: Parameters<typeof openSkillIndex>[0]) => (pgStore ? pgStore.openIndex(input) : openSkillIndex(input));

  const taxonomy = () => {
    taxonomyPromise ??= Promise.resolve().then(() => {
      if (!config.escoDir) {
        throw new ConfigError('esco_missing', 'No ESCO data found. Download the ESCO CSV package (README, "Getting ESCO") and set SKILLPROOF_ESCO_DIR to its folder.');
      }
      return loadEscoTaxonomy({ escoDir: config.escoDir, cacheDir: config.cacheDir, languages: config.languages }).taxonomy;
    });
    return taxonomyPromise;
  };

  /** Each engine uses the ESCO-tuned build of its model from `npm run model:train` when it is built (one-line notice if not). */
  const chooseModel = (kind: EngineKind) => {
    const choice = resolveEngineModel(config, kind);
    if (choice.notice) (options.onNotice ?? ((line: string) => process.stderr.write(`${line}\n`)))(choice.notice);
    return { modelId: choice.modelId, modelsDir: choice.modelsDir };
  };

  const engine = (kind: EngineKind = 'primary'): Promise<SkillEngine> => {
    let p = engines.get(kind);
    if (!p) {
      p = (async () => {
        const tax = await taxonomy();
        const base = options.embedders?.[kind] ?? (await createLocalEmbedder({ ...chooseModel(kind), cacheDir: config.cacheDir }));
        const embedder = options.queryCacheSize === 0 ? base : cachingEmbedder(base, options.queryCacheSize);
        const opened = await openIndex({
          taxonomy: tax,
          embedder,
          cacheDir: config.cacheDir,
          options: { languages: tax.languages, ...options.indexOptions },
          onProgress: (phase, done, total) => options.onProgress?.(`${kind}:${phase}`, done, total),
        });
        return { taxonomy: tax, embedder, index: opened.index, pointOf: pointLookup(opened.index) };
      })();
      // A failed load is not cached: the next call tries again (e.g. after the user fixes the path).
      p.catch(() => engines.delete(kind));
      engines.set(kind, p);
    }
    return p;
  };

  let lexicalPromise: Promise<LexicalMatcher> | null = null;
  const lexical = () => (lexicalPromise ??= taxonomy().then(buildLexicalMatcher));
  const occIndexes = new Map<EngineKind, Promise<SkillIndex>>();
  const occupationIndex = (kind: EngineKind = 'primary') => {
    let p = occIndexes.get(kind);
    if (!p) {
      p = engine(kind).then(async (e) => {
        const opened = await openIndex({
          taxonomy: e.taxonomy,
          embedder: e.embedder,
          cacheDir: config.cacheDir,
          options: { languages: e.taxonomy.languages, ...options.indexOptions },
          collection: { name: 'occupations', concepts: e.taxonomy.occupations() },
          onProgress: (phase, done, total) => options.onProgress?.(`${kind}:occupations:${phase}`, done, total),
        });
        return opened.index;
      });
      p.catch(() => occIndexes.delete(kind));
      occIndexes.set(kind, p);
    }
    return p;
  };
  const fetcher = new SafeFetcher({ allowPrivate: config.allowPrivateFetch });
  const readPosting = async (raw: AnalyzeInput): Promise<Posting> => {
    const parsed = AnalyzeInputSchema.safeParse(raw);
    if (!parsed.success) throw new InputError('bad_request', parsed.error.issues[0]?.message ?? 'Invalid analyze request.');
    const input = parsed.data;
    const language = input.lang;
    if (input.text !== undefined) return readTextPosting(input.text, { language });
    if (input.html !== undefined) return readHtmlPosting(input.html, { language });
    if (input.url !== undefined) return readUrlPosting(input.url, fetcher, { language });
    if (input.pdfBase64 !== undefined) return readPdfPosting(Buffer.from(input.pdfBase64, 'base64'), { language });
    return buildPosting(input.draft!, { language, sourceKind: 'draft' });
  };

  /** Free-text skill names → ESCO, with the same fused ranking as postings (dense + lexical), scores capped at 1. */
  const linkTexts: SkillProofService['linkTexts'] = async (texts, opts) => {
    const [e, lex] = await Promise.all([engine('primary'), lexical()]);
    const ranked = await rankTexts(e, lex, texts, { k: opts?.k ?? 5 });
    return ranked.map((list) =>
      list
        .map((r) => ({
          uri: r.uri,
          label: e.taxonomy.label(r.uri) ?? r.uri,
          skillType: e.taxonomy.skill(r.uri)?.skillType ?? 'unknown',
          score: Math.min(1, r.score),
          matchedSurface: e.taxonomy.label(r.uri) ?? r.uri,
        }))
        .filter((h) => h.score >= (opts?.minScore ?? 0)),
    );
  };
  /**
   * Ready = loaded within a few seconds (a cached index loads in about one). When a first wait times out the model
   * is still building: later calls do not wait again until it is done.
   */
  const building = new Set<EngineKind>();
  const engineReady = async (kind: EngineKind): Promise<boolean> => {
    // A load that fails (missing model) rejects the race and surfaces its own clear error.
    const pending = Promise.all([engine(kind), occupationIndex(kind)]).then(() => {
      building.delete(kind);
      return true;
    });
    pending.catch(() => building.delete(kind));
    const wait = building.has(kind) ? 0 : ENGINE_WAIT_MS;
    const ready = await Promise.race([pending, new Promise<boolean>((r) => setTimeout(() => r(false), wait).unref())]);
    if (!ready) building.add(kind);
    return ready;
  };
  const analysisStore = options.analysisStore === undefined ? pgStore?.analyses ?? new FileAnalysisStore({ dir: join(config.dataDir, 'analyses') }) : options.analysisStore;
  const revision = `${packageVersion(config.projectRoot)}+${LINKER_REVISION}`;
  const inflight = new Map<string, Promise<PostingAnalysis>>();
  // Posting sentences leave the machine only when the user configured an LLM and turned re-ranking on.
  const reranker = config.llmRerank && config.llm ? createLlmReranker(createOpenAiChatCompleter(config.llm)) : undefined;
  if (config.llmRerank && !config.llm) {
    (options.onNotice ?? ((line: string) => process.stderr.write(`${line}\n`)))('SKILLPROOF_LLM_RERANK=on has no effect: no LLM is configured (set OPENAI_API_KEY or OPENAI_BASE_URL).');
  }
  const analyzeWith = async (input: AnalyzeInput, useStore: boolean) => {
    const tax = await taxonomy();
    const deps = { readPosting, engine, lexical, occupations: occupationIndex, escoVersion: tax.version, engineReady, store: analysisStore ?? undefined, revision, inflight, reranker };
    // CV prose (not stored, the user's own text) is never sent to the LLM.
    return analyzePosting(deps, input, { useStore, llmRerank: useStore });
  };
  const analyze = (input: AnalyzeInput) => analyzeWith(input, true);
  const credentials = bindCredentialUseCases({
    catalog: pgStore?.catalog ?? new FileCredentialCatalog({
      storePath: join(config.dataDir, 'catalog.json'),
      seedPaths: [join(config.projectRoot, 'skills-taxonomy', 'catalog', 'starter.json')],
    }),
    profileStore: new FileProfileStore(join(config.dataDir, 'profile.json')),
    solver: createHighsCoverSolver(),
    readSources: readCatalogFiles,
    pdfText,
    taxonomy,
    linkTexts: (texts) => linkTexts(texts, { k: 1 }),
    analyze,
    // CV prose goes through the posting pipeline: its requirement-like sentences become held skills.
    extractSkills: async (text) =>
      (await analyzeWith({ text, includeImplied: false }, false)).skills.map((s) => ({ uri: s.escoUri, label: s.label, score: s.score, evidence: s.evidence[0]?.mention ?? null })),
  });
  const verification = createVerificationUseCases({
    ...createVerificationAdapters({ fetcher, trustFiles: config.trustFiles }),
    linkTexts: (texts) => linkTexts(texts, { k: 3 }),
    hierarchy: taxonomy,
  });

  return {
    ...credentials,
    ...verification,
    config,
    engine,
    taxonomy,
    occupationIndex,
    lexical,
    store: pgStore
      ? pgStore.admin(async (multilingual) => {
          const tax = await taxonomy();
          const kinds: EngineKind[] = multilingual ? ['primary', 'multilingual'] : ['primary'];
          return Promise.all(
            kinds.map(async (kind) => ({
              taxonomy: tax,
              // The same model choice as the engine, so the loaded vectors are the ones replicas will ask for.
              embedder: options.embedders?.[kind] ?? (await createLocalEmbedder({ ...chooseModel(kind), cacheDir: config.cacheDir })),
              cacheDir: config.cacheDir,
              options: { languages: tax.languages, ...options.indexOptions },
            })),
          );
        })
      : null,
    shared: pgStore ? { pairing: pgStore.pairing, rateLimiter: pgStore.rateLimiter } : null,
    analyze,
    async searchSkills(input) {
      // `lang` picks the label language of the answers; the English model reads any language loaded with ESCO.
      const tax = await taxonomy();
      if (input.lang && !tax.languages.includes(input.lang)) {
        throw new InputError('unknown_language', `No ESCO labels loaded for "${input.lang}". Loaded: ${tax.languages.join(', ')}. Add it with taxonomy build --lang.`);
      }
      return searchSkills(await engine('primary'), input);
    },
    linkTexts,
    async health() {
      const tax = await taxonomy();
      return { ok: true, escoVersion: tax.version, embedder: config.embeddingModel, skills: tax.skills().length, chat: config.llm ? 'llm' : 'offline' };
    },
    async close() {
      engines.clear();
      await pgStore?.close();
    },
  };
}

function packageVersion(root: string): string {
  try {
    return String((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version ?? '0');
  } catch {
    return '0';
  }
}
