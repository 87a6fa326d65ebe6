-- As the generator renders split_column: new columns, a two-way transition trigger, a backfill it stands aside for;
-- a write of part of the new shape on a row the backfill has not reached takes the rest from the old shape.
ALTER TABLE inventory ADD COLUMN IF NOT EXISTS location_code varchar(6);
ALTER TABLE inventory ADD COLUMN IF NOT EXISTS batch_number varchar(6);
ALTER TABLE inventory ADD COLUMN IF NOT EXISTS serial_number varchar(10);
CREATE OR REPLACE FUNCTION graft_2_inventory_inventory_code_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_written boolean;
  new_written boolean;
BEGIN
  IF current_setting('graft.backfill', true) = '2:public.inventory' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    old_written := NEW.inventory_code IS NOT NULL;
    new_written := NEW.location_code IS NOT NULL OR NEW.batch_number IS NOT NULL OR NEW.serial_number IS NOT NULL;
  ELSE
    old_written := NEW.inventory_code IS DISTINCT FROM OLD.inventory_code;
    new_written := ROW(NEW.location_code, NEW.batch_number, NEW.serial_number)
                   IS DISTINCT FROM ROW(OLD.location_code, OLD.batch_number, OLD.serial_number);
  END IF;
  IF old_written AND NOT new_written THEN
    NEW.location_code := substr(NEW.inventory_code, 1, 6);
    NEW.batch_number := substr(NEW.inventory_code, 7, 6);
    NEW.serial_number := substr(NEW.inventory_code, 13);
  ELSIF new_written AND NOT old_written THEN
    IF TG_OP = 'UPDATE' AND ROW(OLD.location_code, OLD.batch_number, OLD.serial_number) IS NULL THEN
      -- a row the backfill has not reached: the new columns not written come from the old shape
      IF NEW.location_code IS NOT DISTINCT FROM OLD.location_code THEN
        NEW.location_code := substr(NEW.inventory_code, 1, 6);
      END IF;
      IF NEW.batch_number IS NOT DISTINCT FROM OLD.batch_number THEN
        NEW.batch_number := substr(NEW.inventory_code, 7, 6);
      END IF;
      IF NEW.serial_number IS NOT DISTINCT FROM OLD.serial_number THEN
        NEW.serial_number := substr(NEW.inventory_code, 13);
      END IF;
    END IF;
    NEW.inventory_code := NEW.location_code || NEW.batch_number || NEW.serial_number;
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER graft_2_inventory_inventory_code_sync BEFORE INSERT OR UPDATE ON inventory
  FOR EACH ROW EXECUTE FUNCTION graft_2_inventory_inventory_code_sync();
COMMENT ON FUNCTION graft_2_inventory_inventory_code_sync() IS 'graft: generated from V2__split_inventory_code.yaml; removed by its contract';
SELECT set_config('graft.backfill', '2:public.inventory', false);
UPDATE inventory
   SET location_code = substr(inventory_code, 1, 6), batch_number = substr(inventory_code, 7, 6),
       serial_number = substr(inventory_code, 13)
 WHERE ROW(location_code, batch_number, serial_number)
       IS DISTINCT FROM ROW(substr(inventory_code, 1, 6), substr(inventory_code, 7, 6), substr(inventory_code, 13));
SELECT set_config('graft.backfill', '', false);
