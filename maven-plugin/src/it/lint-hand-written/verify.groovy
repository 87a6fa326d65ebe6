def log = new File(basedir, 'build.log').text
assert log.contains('V1__orders.sql:1')
assert log.contains('V1__orders.sql:2: create index "orders_total_idx" without if not exists [GRAFT-L101]')
assert log =~ /rewrite: .*IF NOT EXISTS/
assert log.contains('graft: lint found problems in hand-written migrations')
true
