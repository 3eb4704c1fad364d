-- What a release needs to know of a held person: capture, stated will, a decision on direct
-- repatriation, and what keeps them from release. One row per person who has any.
CREATE TABLE release_facts (
  person_id                BIGINT        NOT NULL PRIMARY KEY REFERENCES persons (id),
  captured_on              DATE,
  captured_at              VARCHAR(200)  NOT NULL DEFAULT '',
  consent                  VARCHAR(12)   NOT NULL DEFAULT 'not-asked',
  consent_on               DATE,
  repatriation_decided_on  DATE,
  repatriation_by          VARCHAR(16),
  repatriation_reference   VARCHAR(200)  NOT NULL DEFAULT '',
  obstacle                 VARCHAR(16),
  note                     VARCHAR(200)  NOT NULL DEFAULT '',
  updated_by               VARCHAR(64)   NOT NULL,
  updated_at               BIGINT        NOT NULL
);
