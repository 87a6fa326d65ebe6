-- What a DBA writes for src/main/graft/V33__colprops_identity.yaml on the empty tables of this
-- example (with rows, the DBA would start past max(id), as the generated migration does).
ALTER TABLE colprops_ticket ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 1 CACHE 20);
ALTER TABLE colprops_tag ALTER COLUMN id DROP IDENTITY;
