ALTER TABLE note ADD COLUMN IF NOT EXISTS title text;
UPDATE note SET title = upper(body) WHERE title IS DISTINCT FROM upper(body);
