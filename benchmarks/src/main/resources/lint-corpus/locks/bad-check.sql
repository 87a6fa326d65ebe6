SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0);
