SET lock_timeout = '5s';
SET statement_timeout = '15min';
INSERT INTO events (kind) VALUES ('moved');
