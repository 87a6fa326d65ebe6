-- hand-written
ALTER TABLE warehouse ADD COLUMN region text;
