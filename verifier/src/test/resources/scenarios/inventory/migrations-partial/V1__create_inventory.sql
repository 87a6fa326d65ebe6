CREATE TABLE IF NOT EXISTS inventory (
  id bigint NOT NULL,
  inventory_code varchar(22),
  CONSTRAINT inventory_pkey PRIMARY KEY (id)
);
