-- Production before V1: an empty database with a table of its own.
CREATE TABLE audit (id int PRIMARY KEY);
