-- Facts about the installation itself, such as which version of the search words the tokens were made by.
CREATE TABLE settings (
  setting_name   VARCHAR(64)   NOT NULL PRIMARY KEY,
  setting_value  VARCHAR(1000) NOT NULL
);
