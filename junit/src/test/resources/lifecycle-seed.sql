INSERT INTO customer (name) VALUES ('only in the lifecycle samples');
