CREATE TABLE IF NOT EXISTS audit (id bigint PRIMARY KEY, what text);
