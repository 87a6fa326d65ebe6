SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE VIEW active_users AS SELECT id FROM users WHERE active;
