-- The same schema as src/main/graft/V1__shop.yaml, written by hand.
CREATE TABLE customer (
  id bigint NOT NULL,
  name text NOT NULL,
  email text,
  country_code text,
  created_at timestamptz DEFAULT now(),
  CONSTRAINT customer_pkey PRIMARY KEY (id)
);
CREATE TABLE product (
  id bigint NOT NULL,
  sku text NOT NULL,
  title text,
  price numeric(10,2),
  status text,
  CONSTRAINT product_pkey PRIMARY KEY (id)
);
CREATE TABLE orders (
  id bigint NOT NULL,
  customer_id bigint,
  ordered_at timestamptz,
  note text,
  CONSTRAINT orders_pkey PRIMARY KEY (id)
);
CREATE TABLE order_line (
  order_id bigint NOT NULL,
  line_no integer NOT NULL,
  product_id bigint,
  quantity integer,
  CONSTRAINT order_line_pkey PRIMARY KEY (order_id, line_no)
);
