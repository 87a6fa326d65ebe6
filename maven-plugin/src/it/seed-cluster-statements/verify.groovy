import dev.graft.branch.embedded.EmbeddedConfig
import dev.graft.branch.embedded.EmbeddedEngine

def log = new File(basedir, 'build.log').text
[2: 'DROP DATABASE IF EXISTS victim;', 3: 'CREATE DATABASE stray;', 4: 'CREATE ROLE graft_it_someone LOGIN;',
 5: 'ALTER DATABASE victim RENAME TO gone;', 6: '\\c stray'].each { line, statement ->
    assert log =~ /(?m)^\[WARNING\] .*cluster\.sql:${line}: skipped "\Q${statement}\E/ : "line ${line} is skipped with a warning"
}
assert log.contains('graft: loading the parent "production"')
assert log.contains('graft: 1 migration(s) verified')

// nothing on the server was touched: the other database is still there, no stray database, no role
def engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(new File(basedir, 'target/graft/postgres').toPath()).build())
try {
    def victim = engine.get('victim')
    assert victim.isPresent() : 'the database the seed drops is still there'
    def c = victim.get().connect()
    try {
        def names = []
        def r = c.createStatement().executeQuery('SELECT datname FROM pg_database ORDER BY 1')
        while (r.next()) { names << r.getString(1) }
        assert !names.contains('stray') && !names.contains('gone') : "no database made or renamed by the seed: ${names}"
        def roles = c.createStatement().executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = 'graft_it_someone'")
        roles.next()
        assert roles.getInt(1) == 0 : 'no role made by the seed'
    } finally {
        c.close()
    }
    def parent = engine.list().find { it.name().startsWith('production_') }
    assert parent != null
    def p = engine.get(parent.name()).get().connect()
    try {
        def r = p.createStatement().executeQuery('SELECT body FROM note WHERE id = 1')
        assert r.next() && r.getString(1) == 'kept' : 'the rest of the seed ran in the parent'
    } finally {
        p.close()
    }
} finally {
    engine.stopServer()
}
true
