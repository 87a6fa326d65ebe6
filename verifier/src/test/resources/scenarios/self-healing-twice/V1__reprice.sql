-- Neither of the first two statements is idempotent on its own, but statement 3 sets every price:
-- both interrupted runs need Flyway's whole rerun, and wait for the clean run at the same time.
UPDATE product SET price = price + 1;
UPDATE product SET price = price + 2;
UPDATE product SET price = 10;
