SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_org_fkey,
  ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;
