-- Signed-in browser sessions, so that a restart of the server signs nobody out. The token itself is
-- never stored: whoever reads this table cannot take a session over.
CREATE TABLE web_sessions (
  token_hash   CHAR(64)     NOT NULL PRIMARY KEY,
  user_id      BIGINT       NOT NULL REFERENCES users (id),
  csrf         VARCHAR(64)  NOT NULL,
  language     VARCHAR(8)   NOT NULL,
  last_seen    BIGINT       NOT NULL,
  opened       BIGINT       NOT NULL
);
CREATE INDEX web_sessions_seen ON web_sessions (last_seen);
