def log = new File(basedir, 'build.log').text
def sql = new File(basedir, 'src/main/resources/db/migration/V2__split_inventory_code.sql')
assert sql.isFile() : 'the split migration was generated'
assert sql.text.contains('CREATE OR REPLACE TRIGGER') : 'it installs the transition trigger'
assert log.contains('graft: 4 file(s) written, 0 already present')
assert log.contains('graft: the migration files match the catalog')
true
