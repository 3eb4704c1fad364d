-- An account can be disabled (who left, whose device was lost) without losing its history.
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
