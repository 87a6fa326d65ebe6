SET lock_timeout = '5s';
SET statement_timeout = '15min';
REINDEX INDEX CONCURRENTLY users_name_idx;
