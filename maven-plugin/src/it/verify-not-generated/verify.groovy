def log = new File(basedir, 'build.log').text
assert log.contains('V1__tag') : 'the catalog file without a migration is named'
assert log.contains('1 catalog file(s) have no generated migration yet, so there is nothing of theirs to verify: run mvn graft:generate')
assert !log.contains('verifying 0 pending migration(s)') : 'it never pretends there is nothing to verify'
assert !new File(basedir, 'src/main/resources/db/migration/V1__tag.sql').exists() : 'verify writes no migration'
true
