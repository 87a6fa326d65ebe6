-- Twelve warehouses: enough rows that none are generated.
INSERT INTO warehouse (code, city)
SELECT 'WH' || lpad(g::text, 4, '0'), (ARRAY['Amsterdam', 'Lisbon', 'Barcelona', 'Rotterdam', 'Hamburg', 'Łódź'])[1 + g % 6]
  FROM generate_series(1, 12) AS g;
