-- The same as src/main/graft/V51__keys_lookup_tables.yaml, written by hand: two reference tables
-- filled from the codes in use, and foreign keys to them. (Graft also installs a trigger per code
-- column that adds unknown codes for writers that do not know the reference tables; a DBA's
-- schema has none, so a snapshot comparison leaves Graft's helper objects out.)
CREATE TABLE keys_shipment_status (
  code text NOT NULL,
  CONSTRAINT keys_shipment_status_pkey PRIMARY KEY (code)
);
INSERT INTO keys_shipment_status (code) SELECT DISTINCT status FROM keys_shipment WHERE status IS NOT NULL;
ALTER TABLE keys_shipment ADD CONSTRAINT keys_shipment_status_fkey
  FOREIGN KEY (status) REFERENCES keys_shipment_status (code);
CREATE TABLE keys_carrier (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  name text NOT NULL,
  CONSTRAINT keys_carrier_pkey PRIMARY KEY (id),
  CONSTRAINT keys_carrier_name_key UNIQUE (name)
);
INSERT INTO keys_carrier (name) SELECT DISTINCT carrier FROM keys_shipment WHERE carrier IS NOT NULL;
ALTER TABLE keys_shipment ADD CONSTRAINT keys_shipment_carrier_fkey
  FOREIGN KEY (carrier) REFERENCES keys_carrier (name);
