SET lock_timeout = '5s';
SET statement_timeout = '15min';
INSERT INTO events (kind) SELECT 'moved' WHERE NOT EXISTS (SELECT 1 FROM events WHERE kind = 'moved');
