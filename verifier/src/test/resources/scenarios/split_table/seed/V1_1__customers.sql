-- 300 customers after the three of V1: most with a street and a city, some with one of them or
-- none (no row of customer_address for those), then the edge cases: empty strings, unicode, quotes.
INSERT INTO customer (id, name, street, city)
SELECT g, 'Customer ' || g,
       CASE WHEN g % 11 = 0 THEN NULL ELSE (1 + g % 250)::text || ' ' || (ARRAY['Hauptstraße', 'Baker Street', 'Rue de la Paix', 'Calle Mayor'])[1 + g % 4] END,
       CASE WHEN g % 7 = 0 THEN NULL ELSE (ARRAY['Berlin', 'London', 'Paris', 'Madrid', 'Kraków'])[1 + g % 5] END
FROM generate_series(4, 300) g;
INSERT INTO customer (id, name, street, city) VALUES
  (301, 'Both empty', '', ''),
  (302, 'Tōkyō', '丸の内 1-9-1', '東京'),
  (303, 'Zoë 😀', 'Straße der Emojis 😀', '😀'),
  (304, 'O''Brien', 'O''Connell Street', 'Dublin');
