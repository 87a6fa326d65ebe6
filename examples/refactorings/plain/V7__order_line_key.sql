ALTER TABLE order_line ADD COLUMN line_key text NOT NULL
  CONSTRAINT order_line_line_key_key UNIQUE
  CONSTRAINT order_line_line_key_not_empty CHECK (line_key <> '');
