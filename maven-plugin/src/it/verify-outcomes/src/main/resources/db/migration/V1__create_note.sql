-- not idempotent: the second run fails, so the proof fails
CREATE TABLE note (id bigint PRIMARY KEY, body text);
