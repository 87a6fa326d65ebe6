def baseline = new File(basedir, 'src/main/graft/baseline.yaml').text
assert baseline.contains('name: "public.customer"') : 'the baseline holds what V1 created'
assert baseline.contains('identity: "by default"')
assert baseline.contains('comment: "Who buys"')
assert !baseline.contains('flyway_schema_history')
def log = new File(basedir, 'build.log').text
assert log.contains('before V2') : 'the baseline is taken before the first catalog file'
assert log.contains('matches baseline.yaml') : 'verify compares the parent (with V1) with the baseline'
assert log =~ /V1\s+create_customer\s+hand-written\s+pending/
assert log =~ /V2\s+customer_surname\s+generated\s+pending/
def md = new File(basedir, 'target/graft/graft-verify.md').text
assert md.contains('V2__customer_surname.sql')
true
