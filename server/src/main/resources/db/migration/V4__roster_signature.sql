-- Whether an imported file came with a detached signature that verified: none or verified
-- (a signature that does not verify is refused, so it is never stored).
ALTER TABLE rosters ADD COLUMN signature VARCHAR(16) NOT NULL DEFAULT 'none';
