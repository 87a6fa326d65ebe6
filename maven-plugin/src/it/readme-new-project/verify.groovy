def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'src/main/resources/db/migration/V1__create_note.sql')
assert generated.isFile() : 'the first mvn test generated the migration from the catalog'
assert generated.text.contains('CREATE TABLE IF NOT EXISTS')
assert log.contains('graft: the migration files match the catalog')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the test ran on its own branch and passed'
assert log.contains('graft: 1 migration(s) verified') : 'mvn verify proved V1'
assert !log.contains('Gave up waiting') && !log.contains('cannot start embedded PostgreSQL')
assert !log.contains('BUILD FAILURE')
// the invoker runs Maven in batch mode: no colour at all (Maven 3.8 itself writes a bare reset, ESC[0m, before its lines)
assert !(log =~ /\u001B\[(?!0?m)/) : 'no ANSI colour under -B'
assert log.readLines().findAll { it.contains('graft:') }.every { !it.contains('\u001B') } : 'Graft\'s lines are plain'
assert !log.contains('No SLF4J providers') : 'the tests have a logger'
assert log.count('BUILD SUCCESS') == 3 : 'test, verify and graft:help all succeeded'
assert log.contains('graft:verify') && log.contains('goals') : 'graft:help listed the goals'
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/graft/graft-verify.json'))
assert json.passed == true
true
