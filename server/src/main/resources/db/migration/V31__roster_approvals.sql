-- A list going to the other side is approved by a second person before any export of it is made:
-- who approved it, when, and what it held by sensitivity as they saw it.
CREATE TABLE roster_approvals (
  roster_id    BIGINT        NOT NULL PRIMARY KEY REFERENCES rosters (id),
  approved_by  VARCHAR(64)   NOT NULL,
  approved_at  BIGINT        NOT NULL,
  contents     VARCHAR       NOT NULL
);
