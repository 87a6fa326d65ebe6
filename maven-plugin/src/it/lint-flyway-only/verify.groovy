def log = new File(basedir, 'build.log').text
// no catalog folder: the Flyway folder alone is linted, no internal error
assert !log.contains('cannot list catalog directory')
assert !log.contains('UncheckedIOException')
assert log.contains('graft: lint read 3 hand-written file(s), found 1 error(s) and 0 warning(s)')
// a Flyway file name with a dash and capitals is accepted; the finding names file:line:col, code and docs
assert log.contains('src/main/resources/db/migration/V2__My-Case.sql:5:1: error GRAFT-L201 index on existing table "orders"')
assert log.contains('(docs/lint-rules.md#graft-l201)')
assert log =~ /rewrite: CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total_idx ON orders \(total\)/
// the ignored statement and the concurrent index outside a transaction (.sql.conf) find nothing
assert !log.contains('GRAFT-L212')
assert !log.contains('V3__concurrent.sql:')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/graft-lint.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'GRAFT-L201'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/db/migration/V2__My-Case.sql'
assert results[0].locations[0].physicalLocation.region.startLine == 5
true
