-- When an account was last disabled, enabled or given a new password: sessions opened before it end.
ALTER TABLE users ADD COLUMN credentials_changed_at BIGINT NOT NULL DEFAULT 0;
