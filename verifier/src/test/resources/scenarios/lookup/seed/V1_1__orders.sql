-- 30 orders: statuses open, shipped and lost, and every fifth without a status.
INSERT INTO orders (id, status)
SELECT g, CASE WHEN g % 5 = 0 THEN NULL ELSE (ARRAY['open', 'shipped', 'lost'])[1 + g % 3] END
FROM generate_series(1, 30) g;
