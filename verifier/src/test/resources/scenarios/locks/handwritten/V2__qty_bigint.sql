-- The naive way: rewrites the whole table under ACCESS EXCLUSIVE.
ALTER TABLE item ALTER COLUMN qty TYPE bigint;
