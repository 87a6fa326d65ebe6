CREATE TABLE IF NOT EXISTS log (msg text);
INSERT INTO log VALUES ('hello');
