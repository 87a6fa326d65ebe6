SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);
