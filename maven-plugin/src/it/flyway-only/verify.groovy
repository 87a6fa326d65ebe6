def log = new File(basedir, 'build.log').text
assert !log.contains('cannot list catalog directory')
assert !log.contains('UncheckedIOException')
assert log.contains('graft: 0 file(s) written')
def md = new File(basedir, 'target/graft/graft-verify.md').text
assert md.contains('V1__create_customer.sql') && md.contains('V2__customer_city.sql') : 'verify proves the hand-written files'
assert log =~ /V1\s+create_customer\s+hand-written\s+pending/ : 'status shows V1 as hand-written, pending on the parent'
assert log =~ /V2\s+customer_city\s+hand-written\s+pending/
assert !(log =~ /V1\s+create_customer\s+generated/)
def diff = new File(basedir, 'target/graft/schema-diff.md').text
assert diff.contains('public.customer')
true
