-- The same as src/main/graft/V44__types_product_views.yaml, written by hand.
CREATE VIEW types_product_on_sale AS SELECT id, sku, title, price FROM product WHERE state = 'active';
CREATE VIEW types_product_listing AS SELECT id, sku, title FROM product;
