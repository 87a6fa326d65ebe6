-- The schema the corpus cases are linted against a second time, as the database before the migration.
CREATE TABLE t (id int PRIMARY KEY, a int, owner int, note text, token uuid);
CREATE TABLE person (id int PRIMARY KEY);
CREATE TABLE country (code text PRIMARY KEY, name text);
CREATE MATERIALIZED VIEW sales_summary AS SELECT count(*) AS n FROM country;

-- keyless tables, one of them in another schema and one spelled in capitals
CREATE TABLE audit_log (event text, at timestamptz DEFAULT now(), note text);
CREATE TABLE event_queue (id int, payload text);
CREATE SCHEMA sales;
CREATE TABLE sales.log (event text);
CREATE TABLE "Tally" (n int);

-- keyed in every other way than a primary key, and a keyed table of the same name as a keyless one
CREATE TABLE public.log (id int PRIMARY KEY, event text);
CREATE TABLE tag (name text);
CREATE UNIQUE INDEX tag_name_key ON tag (name);
CREATE TABLE booking (during tstzrange, EXCLUDE USING gist (during WITH &&));
CREATE TABLE "Audit" (id int, event text, CONSTRAINT "Audit_event_key" UNIQUE (event));
