-- A parent that has applied V1 and V2 (as production would have): only the history Graft reads.
CREATE TABLE inventory (id bigint PRIMARY KEY, inventory_code varchar(22), note varchar(40));
CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200),
    type varchar(20), script varchar(1000), checksum int, installed_by varchar(100),
    installed_on timestamp DEFAULT now(), execution_time int, success boolean);
INSERT INTO flyway_schema_history VALUES
    (1, '1', 'create inventory', 'SQL', 'V1__create_inventory.sql', 0, 'ci', now(), 1, true),
    (2, '2', 'add note', 'SQL', 'V2__add_note.sql', 0, 'ci', now(), 1, true);
