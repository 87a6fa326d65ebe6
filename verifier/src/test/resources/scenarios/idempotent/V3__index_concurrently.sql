CREATE INDEX CONCURRENTLY IF NOT EXISTS product_name_idx ON product (name);
