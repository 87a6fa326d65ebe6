SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0);
