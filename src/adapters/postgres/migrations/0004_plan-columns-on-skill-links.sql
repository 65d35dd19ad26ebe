-- Up Migration

-- The planner's candidate search reads every link of the gap's skills (tens of thousands for common skills); with
-- the planner's columns copied onto the links it runs on the index alone and joins the credential table only for
-- the few entries it returns (and for language or provider constraints).
ALTER TABLE credential_skill
  ADD COLUMN cost_amount double precision,
  ADD COLUMN cost_currency text,
  ADD COLUMN cost_free boolean,
  ADD COLUMN hours_tenths integer NOT NULL DEFAULT 400,
  ADD COLUMN stackable boolean NOT NULL DEFAULT false,
  ADD COLUMN eqf_level smallint,
  ADD COLUMN mode text,
  ADD COLUMN verifiable boolean NOT NULL DEFAULT false;
UPDATE credential_skill cs
   SET cost_amount = c.cost_amount, cost_currency = c.cost_currency, cost_free = c.cost_free,
       hours_tenths = floor(COALESCE(c.hours, c.ects * 25, 40) * 10 + 0.5), stackable = c.stackable,
       eqf_level = c.eqf_level, mode = c.mode, verifiable = c.verifiable
  FROM credential c WHERE c.seq = cs.credential_seq;
ALTER TABLE credential_skill DROP CONSTRAINT credential_skill_pkey;
ALTER TABLE credential_skill ADD PRIMARY KEY (skill_id, credential_seq)
  INCLUDE (declared, confidence, cost_amount, cost_currency, cost_free, hours_tenths, stackable, eqf_level, mode, verifiable);

-- Down Migration
ALTER TABLE credential_skill DROP CONSTRAINT credential_skill_pkey;
ALTER TABLE credential_skill ADD PRIMARY KEY (skill_id, credential_seq) INCLUDE (declared, confidence);
ALTER TABLE credential_skill
  DROP COLUMN cost_amount, DROP COLUMN cost_currency, DROP COLUMN cost_free, DROP COLUMN hours_tenths,
  DROP COLUMN stackable, DROP COLUMN eqf_level, DROP COLUMN mode, DROP COLUMN verifiable;
