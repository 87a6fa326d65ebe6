SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);
