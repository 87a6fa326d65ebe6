def log = new File(basedir, 'build.log').text
assert log.contains('src/main/graft/V1__orders.sql:2:1: error GRAFT-L101 create index "orders_total_idx" without if not exists')
assert log =~ /rewrite: CREATE INDEX IF NOT EXISTS orders_total_idx ON orders \(total\)/
// the table is created by the same file: no lock finding for its index
assert !log.contains('GRAFT-L201')
// judged against the catalog's schema before V2: raising numeric(10,2) to numeric(14,2) keeps the rows, bigint does not
assert !log.contains('V2__widen.sql:3:')
assert log.contains('src/main/graft/V2__widen.sql:4:1: error GRAFT-L202 changing the type of "total" rewrites "orders"')
assert log.contains('proof failed: lint found problems in hand-written migrations')
true
