-- The same as src/main/graft/V43__types_indexes.yaml, written by hand.
CREATE INDEX types_product_sku_prefix_idx ON product (sku text_pattern_ops) INCLUDE (title) WITH (fillfactor = 90);
CREATE UNIQUE INDEX types_customer_email_key ON customer (email) NULLS NOT DISTINCT;
CREATE INDEX types_orders_ordered_at_idx ON orders USING brin (ordered_at) WITH (pages_per_range = 32);
CREATE INDEX types_order_line_product_idx ON order_line (product_id, quantity DESC NULLS LAST)
  WHERE product_id IS NOT NULL;
