-- two customers every test starts with
INSERT INTO customer (name) VALUES ('Ada'), ('Grace');

DO $$
BEGIN
    INSERT INTO orders (customer_id, total_cents) SELECT id, 1200 FROM customer WHERE name = 'Ada';
END
$$;
