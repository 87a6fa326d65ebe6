-- The contract of version 2.
DROP TRIGGER IF EXISTS graft_2_inventory_inventory_code_sync ON inventory;
ALTER TABLE inventory DROP COLUMN IF EXISTS inventory_code;
