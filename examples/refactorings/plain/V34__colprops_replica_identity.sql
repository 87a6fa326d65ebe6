-- What a DBA writes for src/main/graft/V34__colprops_replica_identity.yaml.
ALTER TABLE colprops_ticket REPLICA IDENTITY FULL;
ALTER TABLE colprops_tag REPLICA IDENTITY USING INDEX colprops_tag_name_key;
