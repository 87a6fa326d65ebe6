-- The same schema as src/main/graft/V22__constraints_tidy.yaml, written by hand.
ALTER TABLE constraints_account RENAME CONSTRAINT constraints_account_email_check
  TO constraints_account_email_has_at;
ALTER TABLE constraints_booking DROP CONSTRAINT constraints_booking_id_check;
ALTER TABLE constraints_booking DROP CONSTRAINT constraints_booking_code_key;
DROP INDEX constraints_account_region_idx;
DROP INDEX constraints_ledger_line_idx;
