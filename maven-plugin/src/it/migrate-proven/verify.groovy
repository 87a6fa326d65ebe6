import dev.graft.branch.BranchSpec
import dev.graft.branch.IfExists
import dev.graft.branch.embedded.EmbeddedConfig
import dev.graft.branch.embedded.EmbeddedEngine
import java.nio.file.Files
import java.util.concurrent.TimeUnit

// The proof is made on the project's embedded server (invoker.goals); the targets are databases of
// a second embedded server started here, as staging and production would be.
assert new File(basedir, 'build.log').text.contains('graft: 3 migration(s) verified')
def proof = new File(basedir, 'target/graft/graft-verify.json')
assert proof.text.contains('"content_hashes"') && proof.text.contains('"start_schema"')

def version = (new File(basedir, 'pom.xml').text =~ /graft-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def userRepository = new File(System.getProperty('user.home'), '.m2/repository').toURI().toString()
def settings = new File(basedir, 'child-settings.xml')
settings.text = new File(basedir, '../../../src/it/settings.xml').text.replace('@localRepositoryUrl@', userRepository)
def migrate = "dev.graft:graft-maven-plugin:${version}:migrate".toString()

def engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(new File(basedir, 'target/targets').toPath()).build())
def database = { String name -> engine.create(BranchSpec.root(name).ifExists(IfExists.REPLACE).build()) }
def run = { String name, boolean succeeds, List<String> args ->
    def command = ([mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}", migrate] + args)
            .collect { it.toString() }
    def log = new File(basedir, "${name}.log")
    def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(log)
    builder.environment().put('GRAFT_PASSWORD', 'unused-by-trust-auth')
    def process = builder.start()
    assert process.waitFor(300, TimeUnit.SECONDS) : "${name} finished"
    def text = log.text
    assert (process.exitValue() == 0) == succeeds : "${name} ${succeeds ? 'succeeded' : 'failed'}:\n${text}"
    text
}
try {
    def staging = database('staging')
    def target = ["-DstagingUrl=${staging.jdbcUrl()}", '-Dgraft.target=staging']

    // the environment says complete waits for the flag: V1 and V2 apply, V3 waits
    def first = run('first', true, target)
    assert first.contains('graft: applied 2 migration(s): V1, V2')
    assert first.contains('V3 (V3__complete_rename.sql) completes a transition') && first.contains('-Dgraft.complete=true')
    assert first.contains('graft: applied on the target: V1, V2')
    assert first.contains('open transition on the target: V2 rename_serial_number')

    def second = run('second', true, target)
    assert second.contains('nothing to apply') && !second.contains('graft: applied 2')

    def flagged = run('complete', true, target + ['-Dgraft.complete=true'])
    assert flagged.contains('graft: applied 1 migration(s): V3')
    assert flagged.contains('no open transitions on the target')
    assert run('after-complete', true, target).contains('nothing to apply: the target is up to date')

    // an unknown environment names the known ones
    assert run('unknown', false, ['-Dgraft.target=prod']).contains('no environment "prod"; the POM\'s <environments> has staging, qa')

    // drift: a column added by hand to a target at V1 stops the run, printing the difference
    def drifted = database('drifted')
    run('drift-setup', true, ["-Dgraft.url=${drifted.jdbcUrl()}", '-Dgraft.complete=false',
                              '-Dflyway.dummy=1', '-Dgraft.lockRetry=5s'].collect { it.toString() }).with { log ->
        assert log.contains('graft: applied 2 migration(s): V1, V2')
    }
    def c = drifted.connect()
    c.createStatement().execute('ALTER TABLE inventory ADD COLUMN added_by_hand integer')
    c.close()
    def drift = run('drift', false, ["-Dgraft.url=${drifted.jdbcUrl()}", '-Dgraft.complete=true'])
    assert drift.contains('differs from the one the proof expects at version 2')
    assert drift.contains('+ column public.inventory.added_by_hand')

    // an edited migration is refused for its missing proof; graft.proof=none applies it with a warning
    def fresh = database('fresh')
    def file = new File(basedir, 'src/main/resources/db/migration/V1__create_inventory.sql')
    file.text = file.text + '\nCOMMENT ON TABLE inventory IS \'edited after the proof\';\n'
    def edited = run('edited', false, ["-Dgraft.url=${fresh.jdbcUrl()}"])
    assert edited.contains('V1__create_inventory.sql: its content') && edited.contains('edited after the proof')
    assert edited.contains('nothing was applied')
    def none = run('proof-none', true, ["-Dgraft.url=${fresh.jdbcUrl()}", '-Dgraft.proof=none'])
    assert none.contains('graft.proof=none')
    assert none.contains('[WARNING]')
    assert none.contains('graft: applied 2 migration(s): V1, V2')
} finally {
    engine.stopServer()
}
true
