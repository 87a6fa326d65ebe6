import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import java.util.concurrent.TimeUnit
import org.flywaydb.core.Flyway
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension

// The target: a PostgreSQL of its own, not the project's branching server.
def version = (new File(basedir, 'pom.xml').text =~ /graft-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def userRepository = new File(System.getProperty('user.home'), '.m2/repository').toURI().toString()
def settings = new File(basedir, 'child-settings.xml')
settings.text = new File(basedir, '../../../src/it/settings.xml').text.replace('@localRepositoryUrl@', userRepository)
def target = EmbeddedPostgres.builder().start()
def url = target.getJdbcUrl('postgres', 'postgres')
def runs = 0
def graft = { List<String> args, boolean succeeds ->
    def log = new File(basedir, "abort-${++runs}.log")
    def command = [mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                   "dev.graft:graft-maven-plugin:${version}:abort", "-Dgraft.url=${url}", '-Dgraft.user=postgres'] + args
    def process = new ProcessBuilder(command.collect { it.toString() }).directory(basedir).redirectErrorStream(true)
            .redirectOutput(log).start()
    assert process.waitFor(300, TimeUnit.SECONDS) : "${log.name} finished"
    assert (process.exitValue() == 0) == succeeds : "${log.name} ${succeeds ? 'succeeded' : 'failed'}:\n${log.text}"
    log.text
}
def migrate = { String to ->
    def configuration = Flyway.configure(getClass().classLoader).dataSource(target.postgresDatabase)
            .locations("filesystem:${new File(basedir, 'src/main/resources/db/migration')}").target(to)
    configuration.getConfigurationExtension(PostgreSQLConfigurationExtension).setTransactionalLock(false)
    configuration.load().migrate()
}
def query = { String sql ->
    def c = target.postgresDatabase.connection
    try {
        def rs = c.createStatement().executeQuery(sql)
        def rows = []
        while (rs.next()) { rows << rs.getString(1) }
        rows
    } finally { c.close() }
}
def shape = { query("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'inventory'::regclass"
        + " AND attnum > 0 AND NOT attisdropped")[0] }
try {
    migrate('1')
    query("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001'), (2, 'LIS002B24117SN00004242') RETURNING id")
    migrate('2')
    assert shape() == 'id,inventory_code,location_code,batch_number,serial_number'

    def first = graft(['-Dgraft.version=2'], true)
    assert first.contains('graft: aborted V2 (V2__split_inventory_code.yaml)')
    assert first.contains('dropped column public.inventory.location_code')
    assert first.contains('dropped trigger public.inventory.graft_2_inventory_inventory_code_sync')
    assert first.contains('dropped function public.graft_2_inventory_inventory_code_sync()')
    assert first =~ /restored column public.inventory.inventory_code: character varying\(22\)\s/
    assert first.contains('deleted the flyway_schema_history row of V2')
    assert new File(basedir, 'target/graft/abort/V2__split_inventory_code.abort.sql').text.contains('DROP COLUMN IF EXISTS')
    assert shape() == 'id,inventory_code'
    assert query("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'graft_2_%'") == ['0']
    assert query("SELECT count(*) FROM pg_proc WHERE proname LIKE 'graft_2_%'") == ['0']
    assert query("SELECT count(*) FROM flyway_schema_history WHERE version = '2'") == ['0']
    assert query("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'inventory'::regclass") == []

    def second = graft(['-Dgraft.version=2'], true)
    assert second.contains('V2 is not applied on the target and nothing of it remains: nothing to abort')

    migrate('2')
    assert shape() == 'id,inventory_code,location_code,batch_number,serial_number'
    assert query("SELECT location_code || '|' || serial_number FROM inventory ORDER BY id") ==
            ['AMS001|SN00000001', 'LIS002|SN00004242']

    assert graft(['-Dgraft.version=1'], false).contains('V1__create_inventory.yaml opens no transition')
    migrate('3')
    def completed = graft(['-Dgraft.version=2'], false)
    assert completed.contains('V3__complete_split.yaml completed it on the target') : completed
    assert completed.contains('abort is impossible after complete')
    assert graft([], false).contains('name the version to abort: -Dgraft.version=2')
} finally {
    target.close()
}
true
