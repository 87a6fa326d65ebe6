-- The shop with rows, so that add_column's up has rows to backfill and constraints to validate
INSERT INTO customer (id, name, email, country_code) VALUES
  (1, 'Ada', 'Ada@Example.com', 'GB'), (2, 'Grace', NULL, 'US'), (3, 'Linus', 'linus@example.org', 'FI');
INSERT INTO product (id, sku, title, price, status) VALUES
  (1, 'sku-1', 'Tea', 3.50, 'active'), (2, 'sku-2', 'Cake', 2.00, 'active');
INSERT INTO orders (id, customer_id, ordered_at, note) VALUES
  (10, 1, '2026-01-01', 'first'), (11, 2, '2026-01-02', NULL), (12, NULL, '2026-01-03', 'walk-in');
INSERT INTO order_line (order_id, line_no, product_id, quantity) VALUES (10, 1, 1, 2), (10, 2, 2, 1), (11, 1, 1, 5);
