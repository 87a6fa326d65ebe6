-- Ten prices for the batched Java migrations of CommitBoundariesTest to walk, three at a time.
CREATE TABLE price (id integer PRIMARY KEY, amount integer NOT NULL);
INSERT INTO price (id, amount) SELECT g, g * 10 FROM generate_series(1, 10) AS g;
