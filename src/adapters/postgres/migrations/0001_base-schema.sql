-- Up Migration

-- pgvector: on a managed server an administrator may have to run this once (see README, "PostgreSQL").
CREATE EXTENSION IF NOT EXISTS vector;

-- What the database holds (ESCO version, embedding models): a service configured differently is refused.
CREATE TABLE store_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One loaded label collection: ESCO skills or occupations, embedded with one model.
CREATE TABLE vector_collection (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  collection text NOT NULL,
  embedder text NOT NULL,
  dim integer NOT NULL CHECK (dim > 0),
  esco_version text NOT NULL,
  esco_fingerprint text NOT NULL,
  -- Same value as the embedded index cache key: equal keys mean equal content.
  index_key text NOT NULL,
  points integer NOT NULL,
  -- Set once every point is in and the HNSW index is built; a half-loaded collection is never served.
  ready boolean NOT NULL DEFAULT false,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Label texts with their vectors. Each collection gets its own partial HNSW index on
-- (embedding::vector(dim)) when it is loaded, so models of different dimensions share the table.
CREATE TABLE vector_point (
  collection_id integer NOT NULL REFERENCES vector_collection (id) ON DELETE CASCADE,
  point integer NOT NULL,
  text text NOT NULL,
  surfaces jsonb NOT NULL,
  embedding vector NOT NULL,
  PRIMARY KEY (collection_id, point)
);

-- The credential catalogue: the full entry as JSON plus the columns the planner filters and sorts on.
CREATE TABLE credential (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  entry jsonb NOT NULL,
  -- duplicateKeys(entry): id, duplicate key (title|awarding body|type) and URL, for merging on import.
  dup_keys text[] NOT NULL,
  cost_amount double precision,
  cost_currency text,
  cost_free boolean,
  hours double precision,
  ects double precision,
  eqf_level smallint,
  mode text,
  languages text[] NOT NULL DEFAULT '{}',
  verifiable boolean NOT NULL DEFAULT false,
  stackable boolean NOT NULL DEFAULT false
);
CREATE INDEX credential_dup_keys ON credential USING gin (dup_keys);

-- Skill URIs are interned: a million credentials hold several million skill links.
CREATE TABLE skill_ref (
  id serial PRIMARY KEY,
  uri text NOT NULL UNIQUE
);

CREATE TABLE credential_skill (
  skill_id integer NOT NULL,
  credential_seq bigint NOT NULL,
  declared boolean NOT NULL,
  confidence real NOT NULL,
  PRIMARY KEY (skill_id, credential_seq)
);
CREATE INDEX credential_skill_by_credential ON credential_skill (credential_seq);

-- Pairing of the browser extension, shared by every replica: token hashes, and the one code waiting to be entered.
CREATE TABLE pairing_token (
  token_hash text PRIMARY KEY,
  origin text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE TABLE pairing_code (
  slot smallint PRIMARY KEY DEFAULT 1 CHECK (slot = 1),
  code_hash text,
  expires_at bigint NOT NULL DEFAULT 0,
  failures integer NOT NULL DEFAULT 0
);

-- Token buckets per caller; losing them in a crash only resets the limits, so no WAL.
CREATE UNLOGGED TABLE rate_bucket (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  at_ms bigint NOT NULL,
  -- Whether the last take() got a token (read back by RETURNING).
  last_ok boolean NOT NULL DEFAULT true
);

-- Down Migration
DROP TABLE rate_bucket;
DROP TABLE pairing_code;
DROP TABLE pairing_token;
DROP TABLE credential_skill;
DROP TABLE skill_ref;
DROP TABLE credential;
DROP TABLE vector_point;
DROP TABLE vector_collection;
DROP TABLE store_meta;
