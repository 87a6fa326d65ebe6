INSERT INTO customer (name) VALUES ('Linus');

INSERT INTO supplier (name)
VALUES ('Acme');
