-- about 200 MB in all
CREATE TABLE payload (id integer PRIMARY KEY, body text NOT NULL);
INSERT INTO payload SELECT g, md5(g::text) || md5((g * 7)::text) FROM generate_series(1, 1600000) g;
ANALYZE payload;
