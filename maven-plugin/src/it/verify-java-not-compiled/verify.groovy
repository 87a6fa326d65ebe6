def log = new File(basedir, 'build.log').text
assert new File(basedir, 'src/main/java/db/migration/V2__Split_inventory_code.java').isFile()
assert log.contains('1 Java migration(s) of the catalog are not compiled')
assert log.contains('db.migration.V2__Split_inventory_code (from V2__split_inventory_code.yaml)')
assert log.contains('Run `mvn verify`')
assert !new File(basedir, 'target/graft/postgres').exists() : 'it fails before any database is started'
true
