def log = new File(basedir, 'build.log').text
assert log.contains('src/main/graft/V1__orders.sql:2:1: error GRAFT-L101 create index "orders_total_idx" without if not exists')
assert log =~ /rewrite: CREATE INDEX IF NOT EXISTS orders_total_idx ON orders \(total\)/
// the table is created by the same file: no lock finding for its index
assert !log.contains('GRAFT-L201')
assert log.contains('graft: lint found problems in hand-written migrations')
true
