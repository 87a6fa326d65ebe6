def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[WARNING\] .*V1__create_inventory\.sql: .*edited by hand.*: verified as the file it is, like a hand-written migration; graft:check fails on it/
assert log.contains('graft: V1 apply passed, reapply failed') : 'the edit made it fail when run again'
assert log.contains('V1 reapply: the second run fails at statement 1 (line 2): ERROR: relation "inventory" already exists')
assert log =~ /graft: V1 .*lint failed/ : 'the edited file is linted like a hand-written one'
true
