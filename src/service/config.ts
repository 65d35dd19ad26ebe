import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';

/** The project root (the folder holding package.json), found from this file's location. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const KNOWN_MODELS = ['Xenova/all-MiniLM-L6-v2', 'Xenova/multilingual-e5-small'] as const;

const boolFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  SKILLPROOF_ESCO_DIR: z.string().optional(),
  SKILLPROOF_MODELS_DIR: z.string().optional(),
  SKILLPROOF_CACHE_DIR: z.string().optional(),
  SKILLPROOF_DATA_DIR: z.string().optional(),
  SKILLPROOF_SHARED_DIR: z.string().optional(),
  SKILLPROOF_EMBEDDING_MODEL: z.string().optional(),
  SKILLPROOF_MULTILINGUAL_MODEL: z.string().optional(),
  SKILLPROOF_TRAINED_MODEL: z.string().optional(),
  SKILLPROOF_TRAINED_MULTILINGUAL_MODEL: z.string().optional(),
  SKILLPROOF_LANGUAGES: z.string().optional(),
  SKILLPROOF_ALLOW_PRIVATE_FETCH: boolFromEnv.optional(),
  SKILLPROOF_HOST: z.string().optional(),
  SKILLPROOF_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SKILLPROOF_CHAT_MODEL: z.string().optional(),
  SKILLPROOF_LLM_RERANK: z.enum(['on', 'off', '1', '0', 'true', 'false', '']).optional(),
  SKILLPROOF_TRUST_FILES: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  SKILLPROOF_STORE: z.enum(['embedded', 'postgres']).optional(),
  DATABASE_URL: z.string().optional(),
  SKILLPROOF_PG_EF_SEARCH: z.coerce.number().int().min(1).max(1000).optional(),
  SKILLPROOF_RATE_LIMIT: z.string().regex(/^(off|\d+\/\d+(\.\d+)?)$/, 'use "burst/perSecond" (e.g. 120/20) or "off"').optional(),
});

export const ConfigSchema = z.object({
  projectRoot: z.string(),
  /** `../shared` next to the project when present (benchmarks, real postings, credential vectors). */
  sharedDir: z.string().nullable(),
  /** Folder holding the official ESCO CSV download (`skills_en.csv`, …), or null when none was found. */
  escoDir: z.string().nullable(),
  /** transformers.js local model root (`ORG/NAME/…`); null → download from the hub as usual. */
  modelsDir: z.string().nullable(),
  cacheDir: z.string(),
  dataDir: z.string(),
  embeddingModel: z.string(),
  /** Used for postings and queries that are not in English (links them to ESCO labels across languages). */
  multilingualModel: z.string(),
  /** ESCO-tuned English model from `npm run model:train`: `auto` (default: use it when built), `off`, or its folder. */
  trainedModel: z.string().optional(),
  /** The same for the multilingual slot: the ESCO-tuned multilingual-e5-small (`auto`, `off`, or its folder). */
  trainedMultilingualModel: z.string().optional(),
  /** ESCO label languages to index besides English. */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  allowPrivateFetch: z.boolean(),
  /** Issuer trust registries (DCC registry JSON or allow-lists) used when verifying credentials. */
  trustFiles: z.array(z.string()),
  server: z.object({ host: z.string(), port: z.number().int() }),
  llm: z
    .object({ apiKey: z.string(), baseUrl: z.string().nullable(), model: z.string() })
    .nullable(),
  /**
   * Optional LLM re-ranking of each requirement sentence's candidate skills (SKILLPROOF_LLM_RERANK=on). Off by
   * default; effective only with `llm` set, since it sends posting sentences to that endpoint.
   */
  llmRerank: z.boolean().optional(),
  /** Where the skill index, catalogue, analyses, pairings and rate limits live: files here, or a shared PostgreSQL. */
  store: z.object({
    kind: z.enum(['embedded', 'postgres']),
    databaseUrl: z.string().nullable(),
    /** pgvector `hnsw.ef_search` for skill searches (null: the adapter's default). */
    efSearch: z.number().int().nullable(),
  }),
  /** Requests per pairing token or IP: burst size and refill per second; null turns limiting off (load tests). */
  rateLimit: z.object({ capacity: z.number().positive(), refillPerSecond: z.number().positive() }).nullable(),
});
export type Config = z.infer<typeof ConfigSchema>;

function firstExisting(...paths: string[]): string | null {
  for (const p of paths) if (existsSync(p)) return p;
  return null;
}

/** Build the validated config from an environment (pass `process.env`; only create-service does). */
export function loadConfig(env: Record<string, string | undefined>, root: string = PROJECT_ROOT): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError('invalid_env', `Environment variable ${issue.path.join('.')} is invalid: ${issue.message}.`);
  }
  const e = parsed.data;
  const sharedDir = e.SKILLPROOF_SHARED_DIR ? resolve(e.SKILLPROOF_SHARED_DIR) : firstExisting(resolve(root, '..', 'shared'));
  const escoDir = e.SKILLPROOF_ESCO_DIR
    ? resolve(e.SKILLPROOF_ESCO_DIR)
    : firstExisting(join(root, 'skills-taxonomy', 'esco'), ...(sharedDir ? [join(sharedDir, 'esco')] : []));
  const modelsDir = e.SKILLPROOF_MODELS_DIR
    ? resolve(e.SKILLPROOF_MODELS_DIR)
    : sharedDir
      ? firstExisting(join(sharedDir, 'models'))
      : null;
  const languages = (e.SKILLPROOF_LANGUAGES ?? 'en')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  if (!languages.includes('en')) languages.unshift('en');
  const storeKind = e.SKILLPROOF_STORE ?? 'embedded';
  if (storeKind === 'postgres' && !e.DATABASE_URL) {
    throw new ConfigError('database_url_missing', 'SKILLPROOF_STORE=postgres needs DATABASE_URL, e.g. postgres://user:password@host:5432/skillproof (README, "PostgreSQL").');
  }
  if (e.DATABASE_URL && !/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) {
    throw new ConfigError('invalid_env', 'DATABASE_URL must be a postgres:// or postgresql:// connection string.');
  }
  const config = {
    projectRoot: root,
    sharedDir,
    escoDir,
    modelsDir,
    cacheDir: resolve(e.SKILLPROOF_CACHE_DIR ?? join(root, '.cache')),
    dataDir: resolve(e.SKILLPROOF_DATA_DIR ?? join(root, '.cache', 'data')),
    embeddingModel: e.SKILLPROOF_EMBEDDING_MODEL ?? 'Xenova/all-MiniLM-L6-v2',
    multilingualModel: e.SKILLPROOF_MULTILINGUAL_MODEL ?? 'Xenova/multilingual-e5-small',
    trainedModel: e.SKILLPROOF_TRAINED_MODEL ?? 'auto',
    trainedMultilingualModel: e.SKILLPROOF_TRAINED_MULTILINGUAL_MODEL ?? 'auto',
    languages,
    allowPrivateFetch: e.SKILLPROOF_ALLOW_PRIVATE_FETCH ?? false,
    trustFiles: (e.SKILLPROOF_TRUST_FILES ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => resolve(f)),
    server: { host: e.SKILLPROOF_HOST ?? '127.0.0.1', port: e.SKILLPROOF_PORT ?? 4477 },
    llm: e.OPENAI_API_KEY || e.OPENAI_BASE_URL
      ? {
          apiKey: e.OPENAI_API_KEY ?? 'not-needed',
          baseUrl: e.OPENAI_BASE_URL ?? null,
          model: e.SKILLPROOF_CHAT_MODEL ?? 'gpt-4o-mini',
        }
      : null,
    llmRerank: ['on', '1', 'true'].includes(e.SKILLPROOF_LLM_RERANK ?? ''),
    store: { kind: storeKind, databaseUrl: e.DATABASE_URL ?? null, efSearch: e.SKILLPROOF_PG_EF_SEARCH ?? null },
    rateLimit: e.SKILLPROOF_RATE_LIMIT === 'off' ? null : { capacity: Number((e.SKILLPROOF_RATE_LIMIT ?? '120/20').split('/')[0]), refillPerSecond: Number((e.SKILLPROOF_RATE_LIMIT ?? '120/20').split('/')[1]) },
  };
  const checked = ConfigSchema.safeParse(config);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ConfigError('invalid_config', `Configuration value ${issue.path.join('.')} is invalid: ${issue.message}.`);
  }
  return checked.data;
}
