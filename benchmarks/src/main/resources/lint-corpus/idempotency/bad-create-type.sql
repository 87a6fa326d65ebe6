SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE TYPE status AS ENUM ('new', 'done');
