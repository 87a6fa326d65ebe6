def log = new File(basedir, 'build.log').text
assert log.contains('drifted from the catalog')
assert log.contains('V1__create_inventory.sql')
def sql = new File(basedir, 'src/main/resources/db/migration/V1__create_inventory.sql').text
assert sql.contains('a migration someone edited by hand') : 'generate never rewrites a committed file'
true
