SET lock_timeout = '5s';
SET statement_timeout = '15min';
DO $$ BEGIN IF to_regtype('email') IS NULL THEN CREATE DOMAIN email AS text; END IF; END $$;
CREATE DOMAIN positive AS bigint CHECK (VALUE > 0);
