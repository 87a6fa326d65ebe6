-- 2,000 items: a backfill of them takes a few milliseconds.
INSERT INTO item (id, qty, note) SELECT g, g % 1000, 'item ' || g FROM generate_series(1, 2000) AS g;
