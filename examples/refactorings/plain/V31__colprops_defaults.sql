-- What a DBA writes for src/main/graft/V31__colprops_defaults.yaml (the end state: the second default wins).
ALTER TABLE colprops_ticket ALTER COLUMN status SET DEFAULT 'open';
ALTER TABLE colprops_ticket ALTER COLUMN legacy_flag DROP DEFAULT;
ALTER TABLE colprops_ticket ALTER COLUMN assignee DROP NOT NULL;
