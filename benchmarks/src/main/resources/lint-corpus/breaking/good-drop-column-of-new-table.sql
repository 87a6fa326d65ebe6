SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE TABLE IF NOT EXISTS scratch (id bigint, tmp text);
ALTER TABLE scratch DROP COLUMN IF EXISTS tmp;
