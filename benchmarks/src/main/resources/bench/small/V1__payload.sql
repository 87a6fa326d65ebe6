-- about 10 MB in all: an empty database is some 7.5 MB of catalog
CREATE TABLE payload (id integer PRIMARY KEY, body text NOT NULL);
INSERT INTO payload SELECT g, md5(g::text) || md5((g * 7)::text) FROM generate_series(1, 20000) g;
ANALYZE payload;
