SET lock_timeout = '5s';
SET statement_timeout = '15min';
INSERT INTO countries (code, name) VALUES ('DE', 'Germany') ON CONFLICT (code) DO NOTHING;
