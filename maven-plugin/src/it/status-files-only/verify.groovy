def log = new File(basedir, 'build.log').text
assert log.contains('has no database "main"; showing the files only')
assert log =~ /V1\s+create_customer\s+hand-written\s*\n/ : 'V1 is listed as hand-written, with no state on a parent'
assert log =~ /V2\s+customer_city\s+hand-written\s*\n/
true
