-- How long each kind of personal data is kept once it has served its purpose, when an administrator
-- set it; a kind without a row keeps Handover's default.
CREATE TABLE retention_periods (
  kind     VARCHAR(32)  NOT NULL PRIMARY KEY,
  days     INTEGER      NOT NULL CHECK (days >= 0),
  set_by   VARCHAR(64)  NOT NULL,
  set_at   BIGINT       NOT NULL
);
