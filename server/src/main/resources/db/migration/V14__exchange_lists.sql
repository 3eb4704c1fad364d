-- The list made of one batch, one way, for the other side: a roster sent by us, so that every
-- roster export (CSV, XLSX, signed JSON, PDF manifest to sign) serves the handover.
CREATE TABLE exchange_lists (
  exchange_id  BIGINT      NOT NULL REFERENCES exchanges (id),
  batch        INTEGER     NOT NULL,
  direction    VARCHAR(4)  NOT NULL,
  roster_id    BIGINT      NOT NULL REFERENCES rosters (id),
  PRIMARY KEY (exchange_id, batch, direction)
);
-- who a person was linked to on other lists, read per person by the held and eligibility queries
CREATE INDEX match_decisions_person ON match_decisions (person_id);
