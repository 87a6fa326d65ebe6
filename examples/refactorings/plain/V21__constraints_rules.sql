-- The same schema as src/main/graft/V21__constraints_rules.yaml, written by hand.
ALTER TABLE constraints_account ADD CONSTRAINT constraints_account_balance_check CHECK (balance >= 0);
ALTER TABLE constraints_account ADD CONSTRAINT constraints_account_email_key
  UNIQUE NULLS NOT DISTINCT (email) INCLUDE (region) WITH (fillfactor = 70) DEFERRABLE;
ALTER TABLE constraints_ledger ADD PRIMARY KEY (account_id, line);
ALTER TABLE constraints_ledger ADD CONSTRAINT constraints_ledger_account_id_fkey FOREIGN KEY (account_id)
  REFERENCES constraints_account (id) MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE constraints_booking ADD CONSTRAINT constraints_booking_during_excl EXCLUDE USING gist (during WITH &&);
