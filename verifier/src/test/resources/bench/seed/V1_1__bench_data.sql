-- About 1 GB: a million inventory codes, customers, two million orders, and an event log.
INSERT INTO inventory
SELECT g, 'WH' || lpad((g % 100)::text, 4, '0') || 'B' || lpad((g % 1000)::text, 5, '0') || 'S' || lpad(g::text, 9, '0')
FROM generate_series(1, 1000000) g;
CREATE TABLE customer (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customer SELECT g, 'customer ' || g FROM generate_series(1, 100000) g;
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, total numeric(12,2) NOT NULL);
INSERT INTO orders SELECT g, 1 + g % 100000, (g % 9973) / 100.0 FROM generate_series(1, 2000000) g;
CREATE TABLE event_log (id bigint PRIMARY KEY, payload text NOT NULL);
INSERT INTO event_log SELECT g, repeat(md5(g::text), 11) FROM generate_series(1, 2000000) g;
ANALYZE;
