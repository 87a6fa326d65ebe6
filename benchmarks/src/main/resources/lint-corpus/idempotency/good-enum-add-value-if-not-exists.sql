SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy';
