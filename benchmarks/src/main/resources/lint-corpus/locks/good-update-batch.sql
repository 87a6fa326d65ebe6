SET lock_timeout = '5s';
SET statement_timeout = '15min';
UPDATE users SET active = true WHERE id BETWEEN 1 AND 1000 AND active IS DISTINCT FROM true;
