-- A list's entries as matching compares them (names prepared, the keys each probes the registry
-- with hashed), made by the list's first match so that every match after reads them instead of
-- preparing them again; derived from the entries alone, which never change, and made again when
-- the engine's record format differs (never backed up: a restore makes them anew on the first run).
CREATE TABLE roster_match_records (
  roster_id  BIGINT      NOT NULL REFERENCES rosters (id) ON DELETE CASCADE,
  row_no     INTEGER     NOT NULL,
  codec      VARCHAR(64) NOT NULL,
  record     BYTEA       NOT NULL,
  keys       BYTEA       NOT NULL,
  PRIMARY KEY (roster_id, row_no)
);
