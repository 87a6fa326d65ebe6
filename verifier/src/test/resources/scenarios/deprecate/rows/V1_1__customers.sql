-- 120 customers whose full name is first and last name, unicode included
INSERT INTO customer (id, first_name, last_name, full_name)
SELECT g, f, l, f || ' ' || l
FROM generate_series(1, 120) g,
     LATERAL (SELECT (ARRAY['Ada', 'Grace', 'Zoë', 'Łukasz', '東'])[1 + g % 5] || g AS f,
                     (ARRAY['Lovelace', 'Hopper', 'Ἀριστοτέλης', 'O''Brien', ''])[1 + g % 5] AS l) n;
