CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2));
CREATE INDEX orders_total_idx ON orders (total);
