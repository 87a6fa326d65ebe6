CREATE TABLE IF NOT EXISTS audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, product_id int, at timestamptz);
CREATE OR REPLACE FUNCTION audit_product() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit (product_id, at) VALUES (NEW.id, now());
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER product_audit AFTER UPDATE ON product FOR EACH ROW EXECUTE FUNCTION audit_product();
