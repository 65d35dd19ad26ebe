-- Up Migration

-- The planner's candidate search reads tens of thousands of credential rows by seq for a popular skill: keep the
-- main heap narrow by moving the JSON entry (about 1.4 kB) out of line, uncompressed (cheaper to bulk load),
-- so those rows stay in memory.
ALTER TABLE credential SET (toast_tuple_target = 128);
ALTER TABLE credential ALTER COLUMN entry SET STORAGE EXTERNAL;

-- Skill links answered from the index alone (index-only scans after VACUUM).
ALTER TABLE credential_skill DROP CONSTRAINT credential_skill_pkey;
ALTER TABLE credential_skill ADD PRIMARY KEY (skill_id, credential_seq) INCLUDE (declared, confidence);

-- One waiting pairing code per replica (each shows its own), any replica accepts any of them; wrong guesses are
-- counted for all codes together and burn them all after ten.
DROP TABLE pairing_code;
CREATE TABLE pairing_code (
  code_hash text PRIMARY KEY,
  expires_at bigint NOT NULL
);
CREATE TABLE pairing_guard (
  slot smallint PRIMARY KEY DEFAULT 1 CHECK (slot = 1),
  failures integer NOT NULL DEFAULT 0
);

-- Down Migration
DROP TABLE pairing_guard;
DROP TABLE pairing_code;
CREATE TABLE pairing_code (
  slot smallint PRIMARY KEY DEFAULT 1 CHECK (slot = 1),
  code_hash text,
  expires_at bigint NOT NULL DEFAULT 0,
  failures integer NOT NULL DEFAULT 0
);
ALTER TABLE credential_skill DROP CONSTRAINT credential_skill_pkey;
ALTER TABLE credential_skill ADD PRIMARY KEY (skill_id, credential_seq);
ALTER TABLE credential RESET (toast_tuple_target);
