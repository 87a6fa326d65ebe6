ALTER TABLE customer ADD COLUMN email text;
ALTER TABLE customers
    ADD CONSTRAINT email_unique UNIQUE (email);
