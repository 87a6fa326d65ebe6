-- 300 customers with ordinary addresses, some without a house number, then the edge cases:
-- no address at all, empty parts, unicode, a house number that itself holds ", ".
INSERT INTO customer (id, name, street, house_number)
SELECT g, 'Customer ' || g,
       (ARRAY['Hauptstraße', 'Baker Street', 'Rue de la Paix', 'Calle Mayor', 'Via Appia Antica', 'Ulica Długa'])[1 + g % 6],
       CASE WHEN g % 7 = 0 THEN NULL ELSE (1 + g % 250)::text || (ARRAY['', '', 'a', 'b', ' ½'])[1 + g % 5] END
FROM generate_series(1, 300) g;
INSERT INTO customer (id, name, street, house_number) VALUES
  (301, NULL, NULL, NULL),
  (302, 'No street name', '', NULL),
  (303, 'Both empty', '', ''),
  (304, 'Empty number', 'Marktplatz', ''),
  (305, 'Number only', '', '7'),
  (306, 'Tōkyō', '東京都千代田区丸の内', '1-9-1'),
  (307, 'Ελένη', 'Οδός Ερμού', '12Α'),
  (308, 'Zoë 😀', 'Straße der Emojis 😀', '😀'),
  (309, 'Back house', 'Gartenweg', '12, Hof'),
  (310, 'O''Brien', 'O''Connell Street', '1/2');
