SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'users_email_key') THEN
  ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
END IF; END $$;
