ALTER TABLE customer ADD COLUMN email_key text NOT NULL UNIQUE CHECK (email_key = lower(email_key));
ALTER TABLE orders ADD COLUMN billed_to bigint REFERENCES customer ON DELETE SET NULL;
