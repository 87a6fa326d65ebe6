import groovy.json.JsonSlurper

assert new File(basedir, 'target/generated-sources/graft/db/migration/V2__Split_inventory_code.java').isFile()
assert !new File(basedir, 'src/main/java').exists() : 'nothing is written to src/main/java'
assert new File(basedir, 'target/classes/db/migration/V2__Split_inventory_code.class').isFile() : 'compiled from there'

def report = new JsonSlurper().parse(new File(basedir, 'target/graft/graft-verify.json'))
assert report.passed
assert report.migrations*.version == ['1', '2']
def v2 = report.migrations.find { it.version == '2' }
assert v2.script == 'db.migration.V2__Split_inventory_code'
assert v2.checks.find { it.check == 'apply' }.status == 'passed'

def log = new File(basedir, 'build.log').text
assert log.contains('generated-sources/graft added to the compile source roots')
true
