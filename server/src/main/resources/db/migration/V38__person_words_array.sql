-- A person's search words as one row holding their numbers, found by an inverted (GIN) index: after
-- a registry import of a million persons, their six million (number, person) rows took 10.5 s to be
-- keyed again (primary key, person index, foreign key), a row per person about 4 s with its inverted
-- index, which is a tenth of the two b-trees' size.
SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '256MB';
CREATE TABLE person_word_sets AS
  SELECT person_id, array_agg(word_id ORDER BY word_id) AS word_ids FROM person_words GROUP BY person_id;
DROP TABLE person_words;
ALTER TABLE person_word_sets RENAME TO person_words;
ALTER TABLE person_words ALTER COLUMN person_id SET NOT NULL, ALTER COLUMN word_ids SET NOT NULL;
ALTER TABLE person_words ADD PRIMARY KEY (person_id);
ALTER TABLE person_words ADD FOREIGN KEY (person_id) REFERENCES persons (id);
-- Without a pending list: a search reads the pending list whole until a vacuum empties it (a
-- prefix's p95 was 110 ms after 100,000 persons stored in batches, 48 ms once it was emptied).
CREATE INDEX person_words_words ON person_words USING gin (word_ids) WITH (fastupdate = off);

-- Nothing looks a person up by the reference as typed: its key (reference_key) serves every lookup.
DROP INDEX persons_reference;
