CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, total numeric(10, 2), note text);
