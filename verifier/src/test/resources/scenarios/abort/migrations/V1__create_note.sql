CREATE TABLE IF NOT EXISTS note (id bigint PRIMARY KEY, body text);
INSERT INTO note SELECT g, 'note ' || g FROM generate_series(1, 50) g ON CONFLICT DO NOTHING;
