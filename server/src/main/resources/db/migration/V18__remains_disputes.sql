-- Remains that turn out not to be ours: the sending side's own dead or a third country's, with
-- what was found, to be returned in a later transfer.
ALTER TABLE remains_cases ADD COLUMN belongs_to VARCHAR(8) REFERENCES parties (code);
ALTER TABLE remains_cases ADD COLUMN disputed_on DATE;
ALTER TABLE remains_cases ADD COLUMN dispute_evidence VARCHAR(400) NOT NULL DEFAULT '';
