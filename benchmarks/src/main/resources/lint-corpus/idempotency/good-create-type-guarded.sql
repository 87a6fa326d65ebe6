SET lock_timeout = '5s';
SET statement_timeout = '15min';
DO $$ BEGIN IF to_regtype('status') IS NULL THEN CREATE TYPE status AS ENUM ('new', 'done'); END IF; END $$;
