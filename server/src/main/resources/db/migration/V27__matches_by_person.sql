-- A person's page lists every list the person was proposed for: found by person, not by run.
CREATE INDEX matches_person ON matches (person_id);
