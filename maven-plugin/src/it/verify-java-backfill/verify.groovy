import groovy.json.JsonSlurper

def java = new File(basedir, 'src/main/java/db/migration/V2__Split_inventory_code.java')
assert java.isFile() : 'the batched backfill is generated as a Java migration'
assert new File(basedir, 'target/classes/db/migration/V2__Split_inventory_code.class').isFile()
assert !new File(basedir, 'src/main/resources/db/migration/V2__split_inventory_code.sql').exists()

def report = new JsonSlurper().parse(new File(basedir, 'target/graft/graft-verify.json'))
assert report.passed
assert report.migrations*.version == ['1', '2', '3', '4'] : 'the Java migration is verified in its place, between SQL ones'
def check = { migration, id -> migration.checks.find { it.check == id } }

def v2 = report.migrations.find { it.version == '2' }
assert v2.script == 'db.migration.V2__Split_inventory_code'
assert v2.passed && v2.checks.every { it.status != 'failed' } : v2.checks
assert check(v2, 'reapply').status == 'passed'
assert check(v2, 'reapply').summary.startsWith('run again by Flyway')
assert check(v2, 'prefix-replay').status == 'passed'
def prefix = check(v2, 'prefix-replay').summary
assert prefix =~ /after commits of \d+/ : prefix
assert check(v2, 'round-trip').status == 'passed'

// the SQL migrations after it are verified on top of it: V3 drops the old shape V2 left
['3', '4'].each { v ->
    def m = report.migrations.find { it.version == v }
    assert m.script.endsWith('.sql')
    assert m.passed && m.checks.every { it.status != 'failed' } : m.checks
    assert check(m, 'apply').status == 'passed'
}
def v3 = report.migrations.find { it.version == '3' }
assert check(v3, 'contract').status == 'passed'

def md = new File(basedir, 'target/graft/graft-verify.md').text
assert md.contains('run again by Flyway')
assert md =~ /after commits of \d+/

def diff = new File(basedir, 'target/graft/schema-diff.md').text
assert diff.contains('location_code') : 'graft:diff applies the Java migration too'
assert !diff.contains('graft_2_inventory') : 'the split is completed by V3, so its trigger is gone'

def log = new File(basedir, 'build.log').text
assert log =~ /V2\s+split_inventory_code\s+generated\s+pending/ : 'status shows the Java migration V2, pending'
assert !log.contains('Skipping interface org.flywaydb') : 'Flyway loaded every class it found'
true
