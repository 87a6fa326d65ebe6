-- a migration someone edited by hand
CREATE TABLE inventory (id bigint);
