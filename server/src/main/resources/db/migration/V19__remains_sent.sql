-- Transfers go both ways: what we hand over (their dead, and theirs found among what they sent)
-- is a list we send; a case found not ours records the transfer that returned it.
ALTER TABLE remains_transfers ADD COLUMN direction VARCHAR(4) NOT NULL DEFAULT 'in';
ALTER TABLE remains_transfers ADD COLUMN bodies INTEGER NOT NULL DEFAULT 0;
ALTER TABLE remains_cases ADD COLUMN returned_in BIGINT REFERENCES remains_transfers (id);
