SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER DOMAIN positive_int SET DEFAULT 1;
