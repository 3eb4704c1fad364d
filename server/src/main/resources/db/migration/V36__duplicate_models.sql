-- A deduplication model is kept as a match model is: trained once on the registry with itself and
-- reused by every search for duplicates until the registry changes by a tenth or the engine's
-- features change. The models kept so far are all match models.
ALTER TABLE match_models ADD COLUMN kind TEXT NOT NULL DEFAULT 'match';
ALTER TABLE match_models ADD CONSTRAINT match_models_kind CHECK (kind IN ('match', 'duplicates'));
CREATE INDEX match_models_by_kind ON match_models (kind, id);
