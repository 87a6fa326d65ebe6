SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- graft:lint-ignore L212
DROP INDEX IF EXISTS orders_old_idx;
CREATE INDEX orders_total_idx ON orders (total);
