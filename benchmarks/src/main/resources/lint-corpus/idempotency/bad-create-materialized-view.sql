SET lock_timeout = '5s';
SET statement_timeout = '15min';
CREATE MATERIALIZED VIEW org_counts AS SELECT org_id, count(*) AS n FROM users GROUP BY org_id;
