ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text;
UPDATE orders SET status = 'open' WHERE status IS NULL;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open';
COMMENT ON COLUMN orders.status IS 'open, paid or shipped';
