-- What a DBA writes for src/main/graft/V32__colprops_comments.yaml.
COMMENT ON TABLE colprops_ticket IS 'One row per support request';
COMMENT ON COLUMN colprops_ticket.title IS 'Shown in the list; the customer''s ''subject''';
COMMENT ON COLUMN colprops_ticket.note IS NULL;
