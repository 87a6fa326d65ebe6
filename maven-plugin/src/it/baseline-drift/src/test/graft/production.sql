-- Production today: someone widened email by hand after the baseline was committed.
CREATE TABLE customer (
    customer_id int NOT NULL CONSTRAINT customer_pkey PRIMARY KEY,
    email varchar(80) NOT NULL,
    city varchar(40)
);
INSERT INTO customer VALUES (1, 'luisg@embraer.com.br', 'São José dos Campos'), (2, 'leonekohler@surfeu.de', NULL);
