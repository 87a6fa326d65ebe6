-- The same as src/main/graft/V42__types_discontinued.yaml, written by hand.
ALTER TYPE product_state RENAME VALUE 'retired' TO 'discontinued';
