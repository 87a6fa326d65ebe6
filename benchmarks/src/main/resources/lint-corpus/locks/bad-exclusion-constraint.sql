SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);
