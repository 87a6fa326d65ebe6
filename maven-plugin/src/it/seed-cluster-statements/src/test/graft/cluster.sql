-- The way published sample databases and pg_dumpall output start: statements for the server.
DROP DATABASE IF EXISTS victim;
CREATE DATABASE stray;
CREATE ROLE graft_it_someone LOGIN;
ALTER DATABASE victim RENAME TO gone;
\c stray
CREATE TABLE note (id int PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
