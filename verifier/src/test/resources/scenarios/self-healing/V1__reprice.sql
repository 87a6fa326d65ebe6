-- Statement 1 alone is not idempotent (run twice, it adds 2), but statement 2 sets every price
-- whatever statement 1 did: interrupted after statement 1 and run again, it still ends right.
UPDATE product SET price = price + 1;
UPDATE product SET price = 10;
