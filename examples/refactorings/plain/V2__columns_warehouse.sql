CREATE TABLE columns_warehouse (
  id bigint GENERATED ALWAYS AS IDENTITY,
  code text COLLATE "C" NOT NULL UNIQUE NULLS NOT DISTINCT CHECK (length(code) = 3),
  name text NOT NULL,
  country_code text,
  label text GENERATED ALWAYS AS (code || ' ' || name) STORED,
  PRIMARY KEY (id)
);
