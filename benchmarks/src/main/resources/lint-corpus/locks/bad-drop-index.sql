SET lock_timeout = '5s';
SET statement_timeout = '15min';
DROP INDEX IF EXISTS users_name_idx;
