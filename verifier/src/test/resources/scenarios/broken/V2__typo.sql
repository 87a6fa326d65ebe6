ALTER TABLE product ADD COLUMN IF NOT EXISTS weight inetger;
