-- Every statement guards itself: running the file again, whole or from any point, changes nothing.
ALTER TABLE product ADD COLUMN IF NOT EXISTS sku text;
UPDATE product SET sku = 'P-' || id WHERE sku IS DISTINCT FROM 'P-' || id;
CREATE UNIQUE INDEX IF NOT EXISTS product_sku_key ON product (sku);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'product_price_positive') THEN
    ALTER TABLE product ADD CONSTRAINT product_price_positive CHECK (price > 0);
  END IF;
END $$;
INSERT INTO category (name) VALUES ('tools'), ('toys') ON CONFLICT (name) DO NOTHING;
CREATE OR REPLACE VIEW product_names AS SELECT id, name FROM product;
COMMENT ON COLUMN product.sku IS 'stock keeping unit';
