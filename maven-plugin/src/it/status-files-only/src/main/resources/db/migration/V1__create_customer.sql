CREATE TABLE IF NOT EXISTS customer (customer_id int PRIMARY KEY, email varchar(60) NOT NULL);
