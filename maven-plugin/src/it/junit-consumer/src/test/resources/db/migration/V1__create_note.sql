CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL);
