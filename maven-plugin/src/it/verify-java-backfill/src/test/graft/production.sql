-- The parent that graft:verify branches: inventory as production holds it before V2, with 5 items
-- whose codes are location (6) + batch (6) + serial (10) characters: three batches of at most 2.
CREATE TABLE inventory (id bigint NOT NULL, inventory_code varchar(22), CONSTRAINT inventory_pkey PRIMARY KEY (id));
INSERT INTO inventory (id, inventory_code) VALUES
    (1, 'AMS001B24001SN00000001'),
    (2, 'LIS002B25002SN00000002'),
    (3, 'BCN003B26003SN00000003'),
    (4, 'RTM010B24004SN00000004'),
    (5, 'HAM011B25005SN00000005');
