ALTER TABLE product ADD COLUMN sku_key text GENERATED ALWAYS AS (upper(sku)) VIRTUAL;
ALTER TABLE product ADD COLUMN shelf_code text COLLATE "C";
COMMENT ON COLUMN product.shelf_code IS 'where it is shelved';
