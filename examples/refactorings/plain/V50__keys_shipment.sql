-- The same as src/main/graft/V50__keys_shipment.yaml, written by hand.
CREATE TABLE keys_shipment (
  id bigint NOT NULL,
  order_id bigint,
  carrier text,
  status text,
  CONSTRAINT keys_shipment_pkey PRIMARY KEY (id),
  CONSTRAINT keys_shipment_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id)
);
INSERT INTO keys_shipment (id, carrier, status) VALUES
  (1, 'DHL', 'sent'), (2, 'UPS', 'delivered'), (3, 'DHL', 'sent');
INSERT INTO keys_shipment (id) VALUES (4);
