def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'both tests ran and passed'
assert log =~ /consumer server_version 18\./ : 'graft-junit alone brings PostgreSQL 18'
// what the server and zonky say goes to the log file or to SLF4J at DEBUG, not to the console at INFO
assert !log.contains('Did not clean up directory')
assert !log.contains('The files belonging to this database system') : 'no initdb output'
assert !log.contains('database system is ready to accept connections') : 'no server log lines'
true
