-- Entities one journal entry made many of at once (a registry import): each with the digest of its
-- rows that its own entry would have carried. The entry's digest covers them all, so that a member
-- can be neither added, removed nor altered without the state audit naming it.
CREATE TABLE journal_members (
  seq           BIGINT      NOT NULL,
  entity        VARCHAR(32) NOT NULL,
  entity_id     VARCHAR(64) NOT NULL,
  state_digest  VARCHAR     NOT NULL,
  PRIMARY KEY (seq, entity, entity_id)
);
CREATE INDEX journal_members_entity ON journal_members (entity, entity_id);
