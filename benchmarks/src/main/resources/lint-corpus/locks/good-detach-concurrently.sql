SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE measurement DETACH PARTITION measurement_2024 CONCURRENTLY;
