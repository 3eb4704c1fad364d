-- What a model counted over the registry (names' frequencies, names counted together) kept as
-- bytes beside its m and u; models stored before hold them in their JSON, and are read so.
ALTER TABLE match_models ADD COLUMN counts BYTEA;
