-- The parent: inventory before V2, three items, so the two-row batches commit twice.
CREATE TABLE inventory (id bigint NOT NULL, inventory_code varchar(22), CONSTRAINT inventory_pkey PRIMARY KEY (id));
INSERT INTO inventory (id, inventory_code) VALUES (7, 'OSL007B27007SN00000007'), (8, 'GVA008B28008SN00000008'),
    (9, 'VIE009B29009SN00000009');
