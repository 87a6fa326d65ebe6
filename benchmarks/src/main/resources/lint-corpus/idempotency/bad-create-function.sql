SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
