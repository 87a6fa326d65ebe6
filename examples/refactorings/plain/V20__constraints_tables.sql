-- The same schema as src/main/graft/V20__constraints_tables.yaml, written by hand.
CREATE TABLE constraints_account (
  id bigint NOT NULL,
  email text CHECK (email LIKE '%@%'),
  region text,
  balance integer,
  CONSTRAINT constraints_account_pkey PRIMARY KEY (id)
);
CREATE TABLE constraints_ledger (
  account_id bigint,
  line integer,
  amount integer
);
CREATE TABLE constraints_booking (
  id bigint NOT NULL CHECK (id > 0),
  code text UNIQUE,
  during int4range,
  CONSTRAINT constraints_booking_pkey PRIMARY KEY (id)
);
CREATE INDEX constraints_account_region_idx ON constraints_account (region);
CREATE INDEX constraints_ledger_line_idx ON constraints_ledger (line);
