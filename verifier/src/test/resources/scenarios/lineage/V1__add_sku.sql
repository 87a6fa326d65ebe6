-- No statement leaves anything in its session: each interrupted run is made from the one before.
ALTER TABLE product ADD COLUMN IF NOT EXISTS sku text;
UPDATE product SET sku = 'P-' || id WHERE sku IS DISTINCT FROM 'P-' || id;
CREATE UNIQUE INDEX IF NOT EXISTS product_sku_key ON product (sku);
COMMENT ON COLUMN product.sku IS 'stock keeping unit';
