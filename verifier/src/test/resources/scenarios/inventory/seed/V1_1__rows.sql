INSERT INTO inventory
SELECT g, 'WH' || lpad((g % 100)::text, 4, '0') || 'B' || lpad((g % 1000)::text, 5, '0') || 'S' || lpad(g::text, 9, '0')
FROM generate_series(1, 1000) g;
INSERT INTO inventory VALUES (1001, NULL), (1002, 'WH01'), (1003, 'Grüße-日本');
