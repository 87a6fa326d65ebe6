-- The contract of version 2.
DROP TRIGGER IF EXISTS graft_2_inventory_inventory_code_sync ON inventory;
DROP FUNCTION IF EXISTS graft_2_inventory_inventory_code_sync();
ALTER TABLE inventory DROP COLUMN IF EXISTS inventory_code;
