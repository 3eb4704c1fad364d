-- Which persons' prepared records are stale is asked at every match run: answered from these two
-- indexes alone, not by reading the persons (0.5 GB at a million) and their prepared records (1 GB).
CREATE INDEX persons_versions ON persons (id) INCLUDE (version, merged_into);
CREATE INDEX match_records_versions ON match_records (person_id) INCLUDE (person_version, codec);
