-- Up Migration

-- Finished posting analyses shared by every replica, addressed by the service's content key.
CREATE TABLE posting_analysis (
  key text PRIMARY KEY,
  analysis jsonb NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posting_analysis_age ON posting_analysis (stored_at);

-- Down Migration
DROP TABLE posting_analysis;
