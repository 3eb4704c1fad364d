-- The party a user belongs to, when it is not the one this installation works for: an intermediary's
-- or a mediator's staff ('' = ours). An outside user sees the lists but no relatives' contacts.
ALTER TABLE users ADD COLUMN party VARCHAR(16) NOT NULL DEFAULT '';
