-- One bad and one good example per lint rule, linted against the schema of schema.sql.
-- "-- rule:" starts a rule, "-- why:" says why (one line, for docs/lint-rules.md), "-- bad:" and
-- "-- good:" start the examples; "-- conf: executeInTransaction=..." before an example is its .sql.conf.
-- The bad example finds exactly its rule; the good one finds nothing; the rewrite of the bad one
-- runs twice on the schema after the statements before it.

-- rule: GRAFT-L001
-- why: A statement neither its leading words nor JSqlParser read is opaque to lint; only the replay checks prove it.
-- bad:
FROBNICATE THE DATABASE;
-- good:
COMMENT ON TABLE t IS 'the t';

-- rule: GRAFT-L101
-- why: A second run (repair, a re-applied baseline, the verifier's reapply check) fails on the object the first run created.
-- bad:
CREATE TABLE fresh (id bigint PRIMARY KEY, name text);
-- good:
CREATE TABLE IF NOT EXISTS fresh (id bigint PRIMARY KEY, name text);

-- rule: GRAFT-L102
-- why: A second run fails on the object the first run dropped.
-- bad:
DROP VIEW v;
-- good:
DROP VIEW IF EXISTS v;

-- rule: GRAFT-L103
-- why: A second run fails on the column the first run added.
-- bad:
ALTER TABLE t ADD COLUMN nickname text;
-- good:
ALTER TABLE t ADD COLUMN IF NOT EXISTS nickname text;

-- rule: GRAFT-L104
-- why: A second run fails on the table's key, or inserts the rows again where no key stops it.
-- bad:
INSERT INTO country (code, name) VALUES ('DE', 'Germany');
-- good:
INSERT INTO country (code, name) VALUES ('DE', 'Germany') ON CONFLICT (code) DO NOTHING;

-- rule: GRAFT-L105
-- why: A second run fails on the view, function or trigger the first run created.
-- bad:
CREATE VIEW v AS SELECT id FROM t;
-- good:
CREATE OR REPLACE VIEW v AS SELECT id FROM t;

-- rule: GRAFT-L106
-- why: A second run fails: the old name is gone. Renames of columns and tables are breaking changes (GRAFT-L403); this rule covers the rest.
-- bad:
ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_primary;
-- good:
DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('t') AND conname = 't_pkey') THEN ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_primary; END IF; END $$;

-- rule: GRAFT-L107
-- why: A second run fails on the constraint the first run added. Dropping it first in the same statement (DROP CONSTRAINT IF EXISTS c, ADD CONSTRAINT c) reruns.
-- bad:
ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0) NOT VALID;
-- good:
ALTER TABLE t DROP CONSTRAINT IF EXISTS t_a_positive, ADD CONSTRAINT t_a_positive CHECK (a > 0) NOT VALID;

-- rule: GRAFT-L108
-- why: CREATE TYPE and CREATE DOMAIN have no IF NOT EXISTS: a second run fails on the type.
-- bad:
CREATE TYPE status AS ENUM ('new', 'done');
-- good:
DO $$ BEGIN IF to_regtype('status') IS NULL THEN CREATE TYPE status AS ENUM ('new', 'done'); END IF; END $$;

-- rule: GRAFT-L109
-- why: The table has no key, so ON CONFLICT cannot stop a second run from inserting the rows again; only a WHERE NOT EXISTS guard can.
-- bad:
INSERT INTO audit_log (event) VALUES ('moved');
-- good:
INSERT INTO audit_log (event) SELECT 'moved' WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE event = 'moved');

-- rule: GRAFT-L110
-- why: A second run fails on the enum value the first run added.
-- bad:
ALTER TYPE mood ADD VALUE 'happy';
-- good:
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy';

-- rule: GRAFT-L201
-- why: CREATE INDEX holds a SHARE lock until it is built: every write to the table waits. An index IF NOT EXISTS needs a name; the rewrite gives the one PostgreSQL would.
-- bad:
CREATE INDEX ON t (a);
-- good:
CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a);

-- rule: GRAFT-L202
-- why: Most type changes rewrite the table and its indexes under an ACCESS EXCLUSIVE lock. Not these, which lint knows from the schema: varchar(n) to text or a longer varchar, dropping a length, raising a numeric's precision at the same scale.
-- bad:
ALTER TABLE t ALTER COLUMN a TYPE bigint;
-- good:
ALTER TABLE t ALTER COLUMN code TYPE text;

-- rule: GRAFT-L203
-- why: Adding a foreign key or check scans the table while writes wait. NOT VALID adds it for new rows at once; VALIDATE CONSTRAINT later scans under a lock that lets writes through.
-- bad:
ALTER TABLE t ADD CONSTRAINT t_owner_fkey FOREIGN KEY (owner) REFERENCES person (id);
-- good:
ALTER TABLE t DROP CONSTRAINT IF EXISTS t_owner_fkey, ADD CONSTRAINT t_owner_fkey FOREIGN KEY (owner) REFERENCES person (id) NOT VALID;

-- rule: GRAFT-L204
-- why: SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock, unless a validated CHECK (c IS NOT NULL) already proves it.
-- bad:
ALTER TABLE t ALTER COLUMN a SET NOT NULL;
-- good:
ALTER TABLE t ALTER COLUMN checked SET NOT NULL;

-- rule: GRAFT-L205
-- why: A volatile default, anywhere in the expression (md5(random()::text)), is computed for every row in a rewrite under an ACCESS EXCLUSIVE lock. The rewrite sets the default before the backfill, so rows written in between get it too.
-- bad:
ALTER TABLE t ADD COLUMN IF NOT EXISTS salt text DEFAULT md5(random()::text);
-- good:
ALTER TABLE t ADD COLUMN IF NOT EXISTS status text DEFAULT 'new';

-- rule: GRAFT-L206
-- why: A unique or primary key (added as a constraint or inline on a new column) builds its index while writes wait. Build it concurrently, then add the key over it.
-- bad:
ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);
-- good:
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('t') AND conname = 't_a_key') THEN ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_key; END IF; END $$;

-- rule: GRAFT-L207
-- why: VACUUM FULL, CLUSTER and LOCK hold an ACCESS EXCLUSIVE lock: nobody reads or writes the table meanwhile.
-- bad:
VACUUM FULL t;
-- good:
VACUUM t;

-- rule: GRAFT-L208
-- why: REFRESH MATERIALIZED VIEW blocks every reader of the view until it is done; CONCURRENTLY (with a unique index on the view) does not.
-- bad:
REFRESH MATERIALIZED VIEW sales_summary;
-- good:
REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary;

-- rule: GRAFT-L209
-- why: An update of every row holds their row locks until the migration commits, and writes the whole table at once.
-- bad:
UPDATE t SET a = 0;
-- good:
UPDATE t SET a = 0 WHERE a IS NULL;

-- rule: GRAFT-L210
-- why: A stored generated column is computed for every row in a rewrite under an ACCESS EXCLUSIVE lock; PostgreSQL 18's VIRTUAL columns are computed when read.
-- bad:
ALTER TABLE t ADD COLUMN IF NOT EXISTS double_a int GENERATED ALWAYS AS (a * 2) STORED;
-- good:
ALTER TABLE t ADD COLUMN IF NOT EXISTS double_a int GENERATED ALWAYS AS (a * 2) VIRTUAL;

-- rule: GRAFT-L211
-- why: A serial or identity column added to a table with rows fills each of them from the sequence in a rewrite under an ACCESS EXCLUSIVE lock.
-- bad:
ALTER TABLE audit_archive ADD COLUMN IF NOT EXISTS seq bigserial;
-- good:
ALTER TABLE audit_archive ADD COLUMN IF NOT EXISTS seq bigint;

-- rule: GRAFT-L212
-- why: DROP INDEX takes an ACCESS EXCLUSIVE lock on the table; DROP INDEX CONCURRENTLY waits for the queries using it instead.
-- bad:
DROP INDEX t_note_idx;
-- good:
DROP INDEX CONCURRENTLY IF EXISTS t_note_idx;

-- rule: GRAFT-L213
-- why: DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table; DETACH ... CONCURRENTLY (outside a transaction) does not.
-- bad:
ALTER TABLE measurement DETACH PARTITION measurement_2024;
-- conf: executeInTransaction=false
-- good:
ALTER TABLE measurement DETACH PARTITION measurement_2024 CONCURRENTLY;

-- rule: GRAFT-L214
-- why: REINDEX blocks writes to the table, and reads that would use the index, until it is rebuilt.
-- bad:
REINDEX INDEX t_note_idx;
-- conf: executeInTransaction=false
-- good:
REINDEX INDEX CONCURRENTLY t_note_idx;

-- rule: GRAFT-L215
-- why: A statement waiting for a lock makes every later query on the table wait behind it. lock_timeout bounds the wait (retry the migration); statement_timeout bounds the work. Set both before the first statement that locks.
-- bad:
ALTER TABLE t ADD COLUMN IF NOT EXISTS nickname text;
-- good:
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE t ADD COLUMN IF NOT EXISTS nickname text;

-- rule: GRAFT-L301
-- why: Flyway runs a file in one transaction unless its .sql.conf says executeInTransaction=false, and refuses a file that mixes statements that cannot run in one with statements that do. CONCURRENTLY cannot run in a transaction.
-- conf: executeInTransaction=true
-- bad:
CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a);
-- good:
CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a);

-- rule: GRAFT-L302
-- why: In one transaction the lock ADD CONSTRAINT ... NOT VALID took is held until commit, so the VALIDATE scan still blocks writes: validate in the next migration.
-- bad:
ALTER TABLE t DROP CONSTRAINT IF EXISTS t_owner_fkey, ADD CONSTRAINT t_owner_fkey FOREIGN KEY (owner) REFERENCES person (id) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT t_owner_fkey;
-- conf: executeInTransaction=false
-- good:
ALTER TABLE t DROP CONSTRAINT IF EXISTS t_owner_fkey, ADD CONSTRAINT t_owner_fkey FOREIGN KEY (owner) REFERENCES person (id) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT t_owner_fkey;

-- rule: GRAFT-L303
-- why: Flyway runs and records each migration in its own transaction: a COMMIT or BEGIN in the file ends or nests it, and a failure leaves the file half applied and unrecorded.
-- bad:
ALTER TABLE t ADD COLUMN IF NOT EXISTS nickname text;
COMMIT;
-- good:
ALTER TABLE t ADD COLUMN IF NOT EXISTS nickname text;

-- rule: GRAFT-L401
-- why: The version of the application still running during and after the migration reads and writes the column: its queries fail. The catalog's drop_column keeps it until complete.
-- bad:
ALTER TABLE t DROP COLUMN note;
-- good:
CREATE TABLE IF NOT EXISTS scratch (id bigint, tmp text);
ALTER TABLE scratch DROP COLUMN IF EXISTS tmp;

-- rule: GRAFT-L402
-- why: The running version still reads the table. The catalog's drop_table keeps it until complete.
-- bad:
DROP TABLE audit_archive;
-- good:
CREATE TABLE IF NOT EXISTS scratch (id bigint);
DROP TABLE IF EXISTS scratch;

-- rule: GRAFT-L403
-- why: The running version uses the old name. The catalog's rename_column and rename_table keep both names working until complete.
-- bad:
ALTER TABLE t RENAME COLUMN note TO remark;
-- good:
CREATE TABLE IF NOT EXISTS draft (id bigint, nme text);
DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('draft') AND attname = 'nme') THEN ALTER TABLE draft RENAME COLUMN nme TO name; END IF; END $$;

-- rule: GRAFT-L404
-- why: The running version may take the column as always set; the first NULL it reads breaks it.
-- bad:
ALTER TABLE account ALTER COLUMN email DROP NOT NULL;
-- good:
ALTER TABLE account ALTER COLUMN email SET DEFAULT '';

-- rule: GRAFT-L501
-- why: A domain's CHECK is checked against every column of the domain, with their tables locked, when it is added; CREATE DOMAIN ... CHECK makes every later change of it that costly.
-- bad:
ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0);
-- good:
ALTER DOMAIN positive_int SET DEFAULT 1;

-- rule: GRAFT-L511
-- why: Style, off by default: an int key runs out at 2^31, and widening it later rewrites the table and every referencing one.
-- bad:
CREATE TABLE IF NOT EXISTS widget (id int PRIMARY KEY, name text);
-- good:
CREATE TABLE IF NOT EXISTS widget (id bigint PRIMARY KEY, name text);

-- rule: GRAFT-L512
-- why: Style, off by default: a serial's sequence is a separate object with its own grants and ownership; an identity column is part of the table.
-- bad:
CREATE TABLE IF NOT EXISTS widget (id bigserial PRIMARY KEY, name text);
-- good:
CREATE TABLE IF NOT EXISTS widget (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);

-- rule: GRAFT-L513
-- why: Style, off by default: varchar(n) stores what text stores; the limit is better a CHECK on length, which changes without touching the column.
-- bad:
CREATE TABLE IF NOT EXISTS widget (id bigint PRIMARY KEY, name varchar(100));
-- good:
CREATE TABLE IF NOT EXISTS widget (id bigint PRIMARY KEY, name text);

-- rule: GRAFT-L514
-- why: Style, off by default: char(n) pads with spaces and ignores them in comparisons.
-- bad:
CREATE TABLE IF NOT EXISTS widget (id bigint PRIMARY KEY, code char(2));
-- good:
CREATE TABLE IF NOT EXISTS widget (id bigint PRIMARY KEY, code text);

-- rule: GRAFT-L515
-- why: Style, off by default: timestamp without time zone stores a wall-clock reading, not an instant.
-- bad:
CREATE TABLE IF NOT EXISTS widget (id bigint PRIMARY KEY, made timestamp);
-- good:
CREATE TABLE IF NOT EXISTS widget (id bigint PRIMARY KEY, made timestamptz);

-- rule: GRAFT-L516
-- why: Style, off by default: PostgreSQL cuts names at 63 bytes, so a guard looking for the full name never finds it.
-- bad:
CREATE TABLE IF NOT EXISTS this_table_name_is_far_too_long_for_postgresql_which_keeps_63_bytes (id bigint);
-- good:
CREATE TABLE IF NOT EXISTS this_table_name_fits (id bigint);

-- rule: GRAFT-L601
-- why: A NOT NULL column without a default cannot be added to a table that has rows: the statement fails.
-- bad:
ALTER TABLE t ADD COLUMN IF NOT EXISTS region text NOT NULL;
-- good:
ALTER TABLE t ADD COLUMN IF NOT EXISTS region text NOT NULL DEFAULT 'eu';

-- rule: GRAFT-L602
-- why: PostgreSQL rejects a statement that assigns one column twice.
-- bad:
UPDATE t SET a = 1, a = 2 WHERE id = 1;
-- good:
UPDATE t SET a = 1, b = 2 WHERE id = 1;

-- rule: GRAFT-L603
-- why: A migration that drops a database loses everything in it, and runs against whatever database its connection names.
-- bad:
DROP DATABASE IF EXISTS legacy;
-- good:
DROP SCHEMA IF EXISTS legacy;

-- rule: GRAFT-L604
-- why: TRUNCATE ... CASCADE empties every table that references this one, and their referrers, none of them named.
-- bad:
TRUNCATE audit_log CASCADE;
-- good:
TRUNCATE audit_log;
