-- More of the child's card (AP I Art. 78(3), GC IV Art. 24/50): other names the child is known by,
-- nationality, native language, an identity document, siblings, distinguishing features, the last
-- address.
ALTER TABLE sought_children ADD COLUMN other_names VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE sought_children ADD COLUMN nationality VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE sought_children ADD COLUMN native_language VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE sought_children ADD COLUMN document VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE sought_children ADD COLUMN siblings VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE sought_children ADD COLUMN features VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE sought_children ADD COLUMN last_address VARCHAR(200) NOT NULL DEFAULT '';
