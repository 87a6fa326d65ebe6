SET lock_timeout = '5s';
SET statement_timeout = '15min';
UPDATE users SET age = 1, age = 2 WHERE id = 1;
