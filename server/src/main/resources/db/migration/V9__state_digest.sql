-- The state audit: each entry keeps a digest of the rows its change left ("rule:hex", or
-- "rule:absent" when it removed them); '' for entries written before the audit existed.
ALTER TABLE journal ADD COLUMN state_digest VARCHAR(80) NOT NULL DEFAULT '';
