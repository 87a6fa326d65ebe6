-- The parent that graft:verify branches: inventory as production holds it before V2, with 1,000
-- items whose codes are location (6) + batch (6) + serial (10) characters.
CREATE TABLE inventory (id bigint NOT NULL, inventory_code varchar(22), CONSTRAINT inventory_pkey PRIMARY KEY (id));
INSERT INTO inventory (id, inventory_code)
SELECT g,
       (ARRAY['AMS001', 'LIS002', 'BCN003', 'RTM010', 'HAM011'])[1 + g % 5]
           || 'B' || to_char(24 + g % 3, 'FM00') || to_char(g % 1000, 'FM000')
           || 'SN' || to_char(g, 'FM00000000')
FROM generate_series(1, 1000) AS g;
