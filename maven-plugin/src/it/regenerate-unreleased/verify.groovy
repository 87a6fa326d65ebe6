def log = new File(basedir, 'build.log').text
def sql = new File(basedir, 'src/main/resources/db/migration/V2__add_note.sql')
assert log.contains('-Dgraft.regenerate=V2 refused: the parent "main" has applied V2') : 'refused while V2 is applied'
assert log.contains('Revert V2__add_note.yaml and make the change as a new catalog version')
assert !log.contains('main_') : 'messages name the parent as the user does, not its internal database name'
assert log.contains('changed after this migration was generated')
assert log.contains('rewrite its migration from the catalog file: mvn graft:generate -Dgraft.regenerate=V2') : 'check names the option'
assert log.contains('rewrote ') && log.contains('V2__add_note.sql from V2__add_note.yaml') : 'regenerated once the seed is dropped'
assert sql.text.contains('varchar(120)') : 'the rewritten file has the changed catalog file'
assert !sql.text.contains('varchar(40)')
assert log.contains('graft: the migration files match the catalog') : 'check passes after the rewrite'
true
