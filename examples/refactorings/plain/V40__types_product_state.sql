-- The same as src/main/graft/V40__types_product_state.yaml, written by hand.
CREATE TYPE product_state AS ENUM ('draft', 'active', 'retired');
CREATE TYPE types_parcel_size AS (width_mm integer, height_mm integer, depth_mm integer);
ALTER TABLE product ADD COLUMN state product_state NOT NULL DEFAULT 'draft';
ALTER TABLE product ADD COLUMN parcel types_parcel_size;
