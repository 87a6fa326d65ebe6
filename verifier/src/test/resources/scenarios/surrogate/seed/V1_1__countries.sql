-- 50 countries, codes c1..c50.
INSERT INTO country (code, name) SELECT 'c' || g, 'Country ' || g FROM generate_series(1, 50) g;
