SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE TABLE IF NOT EXISTS this_table_name_is_far_too_long_for_postgresql_which_keeps_63_bytes (id bigint);
