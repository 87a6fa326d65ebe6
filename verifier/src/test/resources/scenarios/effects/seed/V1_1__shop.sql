-- 5 customers; 20 orders, of which 4, 7 and 9 reference customer 99, who does not exist, and
-- 2 and 3 have no quantity; 12 lines, of which 11 and 12 belong to order 500, which does not exist.
INSERT INTO customers (id, name) SELECT g, 'Customer ' || g FROM generate_series(1, 5) g;
INSERT INTO orders (id, customer_id, qty)
SELECT g, CASE WHEN g IN (4, 7, 9) THEN 99 ELSE 1 + g % 5 END, CASE WHEN g IN (2, 3) THEN NULL ELSE g END
FROM generate_series(1, 20) g;
INSERT INTO order_lines (id, order_id) SELECT g, CASE WHEN g > 10 THEN 500 ELSE g END FROM generate_series(1, 12) g;
