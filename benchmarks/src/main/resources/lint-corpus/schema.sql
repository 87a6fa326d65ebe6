-- The schema every corpus file runs against: Graft reads it as the catalog's schema view
-- (a catalog of this one SQL migration), squawk cannot use one.
CREATE TABLE orgs (id bigint PRIMARY KEY, name text);
CREATE TABLE users (id bigint PRIMARY KEY, email text CONSTRAINT users_email_not_null CHECK (email IS NOT NULL),
    name varchar(100), age int NOT NULL, active boolean, org_id bigint);
CREATE INDEX users_name_idx ON users (name);
CREATE TABLE items (name text, price numeric(10, 2));
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10, 2));
CREATE TABLE countries (code text PRIMARY KEY, name text);
CREATE TABLE events (kind text, at timestamptz);
CREATE TABLE bookings (id bigint PRIMARY KEY, during tstzrange);
