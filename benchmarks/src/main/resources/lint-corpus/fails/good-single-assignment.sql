SET lock_timeout = '5s';
SET statement_timeout = '15min';
UPDATE users SET age = 1, name = 'x' WHERE id = 1;
