-- 300 customers; most have an address row (some with a NULL part), one in nine none; edge cases last.
INSERT INTO customer (id, name) SELECT g, 'Customer ' || g FROM generate_series(1, 304) g;
INSERT INTO customer_address (id, street, city)
SELECT g, CASE WHEN g % 11 = 0 THEN NULL ELSE (1 + g % 250)::text || ' ' || (ARRAY['Hauptstraße', 'Baker Street', 'Rue de la Paix'])[1 + g % 3] END,
       CASE WHEN g % 7 = 0 THEN NULL ELSE (ARRAY['Berlin', 'London', 'Paris', 'Kraków'])[1 + g % 4] END
FROM generate_series(1, 300) g WHERE g % 9 <> 0;
INSERT INTO customer_address (id, street, city) VALUES
  (301, '', ''), (302, '丸の内 1-9-1', '東京'), (303, 'Straße der Emojis 😀', '😀'), (304, 'O''Connell Street', 'Dublin');
-- addresses of customers deleted long ago: no customer row holds them
INSERT INTO customer_address (id, street, city) VALUES (9001, 'Gone Street 1', 'Atlantis'), (9002, NULL, 'Thule');
