-- Parties become data: what used to be the values of an enum are rows, and every stored code refers to one.
CREATE TABLE parties (
  code        VARCHAR(8)   NOT NULL PRIMARY KEY,
  kind        VARCHAR(16)  NOT NULL,
  name_uk     VARCHAR(200) NOT NULL,
  name_en     VARCHAR(200) NOT NULL,
  name_ru     VARCHAR(200) NOT NULL,
  created_at  BIGINT       NOT NULL
);

INSERT INTO parties (code, kind, name_uk, name_en, name_ru, created_at) VALUES
  ('UA', 'belligerent', 'Україна', 'Ukraine', 'Украина', 0),
  ('RU', 'belligerent', 'Росія', 'Russia', 'Россия', 0),
  ('ICRC', 'intermediary', 'МКЧХ', 'ICRC', 'МККК', 0),
  ('TR', 'mediator', 'Туреччина', 'Türkiye', 'Турция', 0);

ALTER TABLE persons ADD CONSTRAINT persons_depends_on_party FOREIGN KEY (depends_on) REFERENCES parties (code);
ALTER TABLE persons ADD CONSTRAINT persons_holding_party FOREIGN KEY (holding_party) REFERENCES parties (code);
ALTER TABLE rosters ADD CONSTRAINT rosters_from_party FOREIGN KEY (from_party) REFERENCES parties (code);
ALTER TABLE rosters ADD CONSTRAINT rosters_to_party FOREIGN KEY (to_party) REFERENCES parties (code);
ALTER TABLE mapping_profiles ADD CONSTRAINT mapping_profiles_party FOREIGN KEY (party) REFERENCES parties (code);
