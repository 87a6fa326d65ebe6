-- Chinook's customer table and five of its real rows, from Chinook_PostgreSql.sql 1.4.5
-- (https://github.com/lerocha/chinook-database, Copyright (c) 2008-2024 Luis Rocha, MIT License:
-- the copyright notice and permission notice shall be included in all copies).
CREATE TABLE customer
(
    customer_id INT NOT NULL,
    first_name VARCHAR(40) NOT NULL,
    last_name VARCHAR(20) NOT NULL,
    company VARCHAR(80),
    address VARCHAR(70),
    city VARCHAR(40),
    state VARCHAR(40),
    country VARCHAR(40),
    postal_code VARCHAR(10),
    phone VARCHAR(24),
    fax VARCHAR(24),
    email VARCHAR(60) NOT NULL,
    support_rep_id INT,
    CONSTRAINT customer_pkey PRIMARY KEY  (customer_id)
);
INSERT INTO customer (customer_id, first_name, last_name, company, address, city, state, country, postal_code, phone, fax, email, support_rep_id) VALUES
    (45, N'Ladislav', N'Kovács', NULL, N'Erzsébet krt. 58.', N'Budapest', NULL, N'Hungary', N'H-1073', NULL, NULL, N'ladislav_kovacs@apple.hu', 3),
    (46, N'Hugh', N'O''Reilly', NULL, N'3 Chatham Street', N'Dublin', N'Dublin', N'Ireland', NULL, N'+353 01 6792424', NULL, N'hughoreilly@apple.ie', 3),
    (47, N'Lucas', N'Mancini', NULL, N'Via Degli Scipioni, 43', N'Rome', N'RM', N'Italy', N'00192', N'+39 06 39733434', NULL, N'lucas.mancini@yahoo.it', 5),
    (48, N'Johannes', N'Van der Berg', NULL, N'Lijnbaansgracht 120bg', N'Amsterdam', N'VV', N'Netherlands', N'1016', N'+31 020 6223130', NULL, N'johavanderberg@yahoo.nl', 5),
    (49, N'Stanisław', N'Wójcik', NULL, N'Ordynacka 10', N'Warsaw', NULL, N'Poland', N'00-358', N'+48 22 828 37 39', NULL, N'stanisław.wójcik@wp.pl', 4);
