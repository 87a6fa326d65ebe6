-- A check constraint added without a long lock: NOT VALID first, then validated while writes go on.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'orders_total_not_negative') THEN
    ALTER TABLE orders ADD CONSTRAINT orders_total_not_negative CHECK (total >= 0) NOT VALID;
  END IF;
END $$;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_not_negative;
