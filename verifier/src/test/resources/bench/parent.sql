-- About 1 GB: the inventory example's production data (examples/inventory/src/test/graft/production.sql)
-- at a million items, with customers, two million orders and an event log no migration touches.
CREATE TABLE inventory (id bigint NOT NULL, inventory_code varchar(22), CONSTRAINT inventory_pkey PRIMARY KEY (id));
INSERT INTO inventory (id, inventory_code)
SELECT g,
       (ARRAY['AMS001', 'LIS002', 'BCN003', 'RTM010', 'HAM011'])[1 + g % 5]
           || 'B' || to_char(24 + g % 3, 'FM00') || to_char(g % 1000, 'FM000')
           || 'SN' || to_char(g, 'FM00000000')
FROM generate_series(1, 1000000) AS g;
CREATE TABLE customer (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customer SELECT g, 'customer ' || g FROM generate_series(1, 100000) g;
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, total numeric(12,2) NOT NULL);
INSERT INTO orders SELECT g, 1 + g % 100000, (g % 9973) / 100.0 FROM generate_series(1, 2000000) g;
CREATE TABLE event_log (id bigint PRIMARY KEY, payload text NOT NULL);
INSERT INTO event_log SELECT g, repeat(md5(g::text), 11) FROM generate_series(1, 2000000) g;
ANALYZE;
