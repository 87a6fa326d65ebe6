SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE TABLE IF NOT EXISTS audit (id bigint PRIMARY KEY, event text);
CREATE INDEX audit_event_idx ON audit (event);
