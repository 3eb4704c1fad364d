-- Who the command line acts as, without a prompt: an operating-system user mapped to an account, or
-- an API token given to a script. Only a token's SHA-256 is kept: whoever reads this table cannot use
-- it. A credential is revoked, never deleted, so that the journal's history of it stays readable.
CREATE TABLE cli_credentials (
  id          BIGSERIAL    PRIMARY KEY,
  user_id     BIGINT       NOT NULL REFERENCES users (id),
  kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('os-user', 'token')),
  value       VARCHAR(128) NOT NULL,
  label       VARCHAR(200) NOT NULL DEFAULT '',
  created_at  BIGINT       NOT NULL,
  revoked_at  BIGINT
);
-- an operating-system user acts for one account at a time; a token is one account's
CREATE UNIQUE INDEX cli_credentials_live ON cli_credentials (kind, value) WHERE revoked_at IS NULL;
CREATE INDEX cli_credentials_user ON cli_credentials (user_id);
