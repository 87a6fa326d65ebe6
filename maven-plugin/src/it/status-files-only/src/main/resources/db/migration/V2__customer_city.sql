ALTER TABLE customer ADD COLUMN IF NOT EXISTS city varchar(40);
