CREATE TABLE category (id serial PRIMARY KEY, name text UNIQUE NOT NULL);
CREATE TABLE product (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL);
INSERT INTO category (name) VALUES ('tools');
INSERT INTO product SELECT g, 'product ' || g, g * 1.5 FROM generate_series(1, 200) g;
