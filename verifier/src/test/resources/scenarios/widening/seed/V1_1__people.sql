-- 25 ordinary people, then the boundaries of every old column: names of the maximum length (ASCII
-- and unicode), a last name with spaces, no last name, no name at all; the largest and smallest
-- numeric(10,2) and integer.
INSERT INTO person (id, first_name, last_name, price, quantity)
SELECT g, (ARRAY['Ada', 'Grace', 'Édouard', 'Zoë', 'Søren'])[1 + g % 5], (ARRAY['Lovelace', 'Hopper', 'Łukasiewicz'])[1 + g % 3],
       g * 1.25, g * 3
  FROM generate_series(1, 25) AS g;
INSERT INTO person (id, first_name, last_name, price, quantity) VALUES
  (26, repeat('x', 40), repeat('y', 20), 99999999.99, 2147483647),
  (27, repeat('é', 40), repeat('日', 20), -99999999.99, -2147483648),
  (28, 'Gabriel', 'García Márquez', 0.01, 0),
  (29, 'Cher', NULL, -0.01, -1),
  (30, NULL, NULL, NULL, NULL),
  (31, '', '', 0, 1);
