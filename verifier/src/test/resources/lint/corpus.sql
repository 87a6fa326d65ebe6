-- Lint corpus: each case is linted as a migration file of its own.
-- "-- case:" names it, "-- expect:" lists the codes it must find, in order ("none" for none).
-- Each case is linted twice: without a schema, and against the schema of schema.sql as the database
-- before the migration; "-- with schema:" lists the codes found then, when they differ.

-- case: create table
-- expect: GRAFT-L101
CREATE TABLE t (id int);

-- case: create table if not exists
-- expect: none
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY);

-- case: create index on an existing table
-- expect: GRAFT-L201
CREATE INDEX t_a_idx ON t (a);

-- case: create index concurrently if not exists
-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a);

-- case: create unique index if not exists, without concurrently
-- expect: GRAFT-L201
CREATE UNIQUE INDEX IF NOT EXISTS t_a_key ON t (a);

-- case: an index on a table the same file creates
-- expect: none
CREATE TABLE IF NOT EXISTS fresh (id int, a text);
CREATE INDEX IF NOT EXISTS fresh_a_idx ON fresh (a);

-- case: drop table
-- expect: GRAFT-L402
DROP TABLE t;

-- case: drop table if exists
-- expect: GRAFT-L402
DROP TABLE IF EXISTS t CASCADE;

-- case: drop index concurrently without if exists
-- expect: GRAFT-L102
DROP INDEX CONCURRENTLY t_a_idx;

-- case: drop trigger
-- expect: GRAFT-L102
DROP TRIGGER t_touch ON t;

-- case: add column
-- expect: GRAFT-L103
ALTER TABLE t ADD COLUMN note text;

-- case: add column if not exists
-- expect: none
ALTER TABLE t ADD COLUMN IF NOT EXISTS note text DEFAULT 'none';

-- case: add column with a volatile default
-- expect: GRAFT-L205
ALTER TABLE t ADD COLUMN IF NOT EXISTS token uuid DEFAULT gen_random_uuid();

-- case: drop column
-- expect: GRAFT-L401
ALTER TABLE t DROP COLUMN note;

-- case: drop column if exists
-- expect: GRAFT-L401
ALTER TABLE t DROP COLUMN IF EXISTS note;

-- case: insert without on conflict
-- expect: GRAFT-L104
INSERT INTO country (code, name) VALUES ('DE', 'Germany');

-- case: insert on conflict do nothing
-- expect: none
INSERT INTO country (code, name) VALUES ('DE', 'Germany') ON CONFLICT (code) DO NOTHING;

-- case: insert guarded by not exists
-- expect: none
INSERT INTO country (code, name) SELECT 'DE', 'Germany' WHERE NOT EXISTS (SELECT 1 FROM country WHERE code = 'DE');

-- case: alter column type
-- expect: GRAFT-L202
ALTER TABLE t ALTER COLUMN a TYPE bigint;

-- case: set data type with using
-- expect: GRAFT-L202
ALTER TABLE t ALTER COLUMN a SET DATA TYPE bigint USING a::bigint;

-- case: add foreign key
-- expect: GRAFT-L203
ALTER TABLE t ADD CONSTRAINT t_owner_fkey FOREIGN KEY (owner) REFERENCES person (id);

-- case: add foreign key not valid
-- expect: GRAFT-L107
ALTER TABLE t ADD CONSTRAINT t_owner_fkey FOREIGN KEY (owner) REFERENCES person (id) NOT VALID;

-- case: add check
-- expect: GRAFT-L203
ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0);

-- case: add unique constraint
-- expect: GRAFT-L206
ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);

-- case: add unique constraint using an index built concurrently
-- expect: GRAFT-L107
ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_key;

-- case: a guarded constraint in a DO block
-- expect: none
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_a_positive') THEN
    ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0) NOT VALID;
  END IF;
END $$;

-- case: set not null
-- expect: GRAFT-L204
ALTER TABLE t ALTER COLUMN a SET NOT NULL;

-- case: set not null after a validated check
-- expect: GRAFT-L107, GRAFT-L302
ALTER TABLE t ADD CONSTRAINT t_a_not_null CHECK (a IS NOT NULL) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT t_a_not_null;
ALTER TABLE t ALTER COLUMN a SET NOT NULL;

-- case: rename column
-- expect: GRAFT-L403
ALTER TABLE t RENAME COLUMN a TO b;

-- case: create view
-- expect: GRAFT-L105
CREATE VIEW v AS SELECT id FROM t;

-- case: create or replace view
-- expect: none
CREATE OR REPLACE VIEW v AS SELECT id FROM t;

-- case: create function
-- expect: GRAFT-L105
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

-- case: create trigger
-- expect: GRAFT-L105
CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();

-- case: create or replace trigger
-- expect: none
CREATE OR REPLACE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();

-- case: create type
-- expect: GRAFT-L108
CREATE TYPE mood AS ENUM ('sad', 'ok');

-- case: create extension
-- expect: GRAFT-L101
CREATE EXTENSION pgcrypto;

-- case: create sequence if not exists
-- expect: none
CREATE SEQUENCE IF NOT EXISTS ticket_seq;

-- case: create schema
-- expect: GRAFT-L101
CREATE SCHEMA sales;

-- case: vacuum full
-- expect: GRAFT-L207
VACUUM FULL t;

-- case: refresh materialized view
-- expect: GRAFT-L208
REFRESH MATERIALIZED VIEW sales_summary;

-- case: update without where
-- expect: GRAFT-L209
UPDATE t SET a = 0;

-- case: update with where
-- expect: none
UPDATE t SET a = 0 WHERE a IS NULL;

-- case: comment
-- expect: none
COMMENT ON COLUMN t.a IS 'the a';

-- case: something no parser reads
-- expect: GRAFT-L001
FROBNICATE THE DATABASE;

-- case: insert into a table without a key
-- expect: GRAFT-L104
-- with schema: GRAFT-L109
INSERT INTO audit_log (event, at) VALUES ('moved', now());

-- case: insert select into a table without a key
-- expect: GRAFT-L104
-- with schema: GRAFT-L109
INSERT INTO audit_log (event) SELECT name FROM country;

-- case: insert into a table without a key, guarded by not exists
-- expect: none
INSERT INTO audit_log (event) SELECT 'moved' WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE event = 'moved');

-- case: insert into a table without a key in another schema
-- expect: GRAFT-L104
-- with schema: GRAFT-L109
INSERT INTO sales.log (event) VALUES ('moved');

-- case: an unqualified name is in public, whatever other schemas hold
-- expect: GRAFT-L104
INSERT INTO log (id, event) VALUES (1, 'moved');

-- case: an unquoted name folds to lower case
-- expect: GRAFT-L104
-- with schema: GRAFT-L109
INSERT INTO Sales.LOG (event) VALUES ('moved');

-- case: a quoted name keeps its case
-- expect: GRAFT-L104
-- with schema: GRAFT-L109
INSERT INTO "Tally" (n) VALUES (1);

-- case: insert into a keyed table whose names need quotes
-- expect: GRAFT-L104
INSERT INTO "Audit" (id, event) VALUES (1, 'moved');

-- case: an unquoted name in capitals is not the table in capitals
-- expect: GRAFT-L104
INSERT INTO TALLY (n) VALUES (1);

-- case: insert into a table keyed by a unique index only
-- expect: GRAFT-L104
INSERT INTO tag (name) VALUES ('red');

-- case: insert into a table keyed by an exclusion constraint
-- expect: GRAFT-L104
INSERT INTO booking (during) VALUES (tstzrange(now(), now() + interval '1 hour'));

-- case: insert into a table created without a key in the same file
-- expect: GRAFT-L104
-- with schema: GRAFT-L109
CREATE TABLE IF NOT EXISTS import_batch (note text);
INSERT INTO import_batch (note) VALUES ('first');

-- case: insert into a table created with a key in the same file
-- expect: GRAFT-L104
CREATE TABLE IF NOT EXISTS currency (code text PRIMARY KEY);
INSERT INTO currency (code) VALUES ('EUR');

-- case: insert after the file adds a primary key
-- expect: GRAFT-L206, GRAFT-L104
ALTER TABLE event_queue ADD CONSTRAINT event_queue_pkey PRIMARY KEY (id);
INSERT INTO event_queue (id, payload) VALUES (1, 'x');

-- case: insert after the file adds a unique index
-- expect: GRAFT-L301, GRAFT-L104
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS event_queue_id_key ON event_queue (id);
INSERT INTO event_queue (id, payload) VALUES (1, 'x');

-- case: insert after the file adds a column with a key
-- expect: GRAFT-L206, GRAFT-L104
ALTER TABLE event_queue ADD COLUMN IF NOT EXISTS code text UNIQUE;
INSERT INTO event_queue (id, payload, code) VALUES (1, 'x', 'a');

-- case: insert into a table neither in the schema nor created by the file
-- expect: GRAFT-L104
INSERT INTO nowhere (a) VALUES (1);

-- case: an index after creating a table that exists already
-- expect: none
-- with schema: GRAFT-L201
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, a int);
CREATE INDEX IF NOT EXISTS t_a_idx ON t (a);

-- case: a foreign key after creating a table that exists already
-- expect: GRAFT-L107
-- with schema: GRAFT-L203
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, owner int);
ALTER TABLE t ADD CONSTRAINT t_owner_fkey FOREIGN KEY (owner) REFERENCES person (id);

-- case: a unique constraint after creating a table that exists already
-- expect: GRAFT-L107
-- with schema: GRAFT-L206
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, a int);
ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);

-- case: a type change after creating a table that exists already
-- expect: none
-- with schema: GRAFT-L202
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, a int);
ALTER TABLE t ALTER COLUMN a TYPE bigint;

-- case: set not null after creating a table that exists already
-- expect: none
-- with schema: GRAFT-L204
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, a int);
ALTER TABLE t ALTER COLUMN a SET NOT NULL;

-- case: a volatile default after creating a table that exists already
-- expect: none
-- with schema: GRAFT-L205
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, a int);
ALTER TABLE t ADD COLUMN IF NOT EXISTS token uuid DEFAULT gen_random_uuid();

-- case: update every row after creating a table that exists already
-- expect: none
-- with schema: GRAFT-L209
CREATE TABLE IF NOT EXISTS public.t (id int PRIMARY KEY, a int);
UPDATE t SET a = 0;

-- case: a table dropped and created again is new
-- expect: GRAFT-L402
DROP TABLE IF EXISTS t;
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, a int);
CREATE INDEX IF NOT EXISTS t_a_idx ON t (a);

-- case: a quoted table created in the file is new under its quoted name
-- expect: none
CREATE TABLE IF NOT EXISTS "Fresh" (id int);
CREATE INDEX IF NOT EXISTS fresh_id_idx ON "Fresh" (id);

-- case: the unquoted name of a table created in capitals is another table
-- expect: GRAFT-L201
CREATE TABLE IF NOT EXISTS "Fresh" (id int);
CREATE INDEX IF NOT EXISTS fresh_id_idx ON Fresh (id);
