-- An import commits in batches under a roster marked 'importing', which pages, exports and matching
-- never see; one small final transaction marks it 'complete' and journals it. A roster left
-- 'importing' by a process that died is removed at the next start.
ALTER TABLE rosters ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'complete';
CREATE INDEX rosters_importing ON rosters (id) WHERE state = 'importing';
