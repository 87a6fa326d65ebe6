import java.util.concurrent.TimeUnit

// The same project, as a developer has it: `mvn graft:branch -Dgraft.serve` keeps the embedded
// server up in one terminal while `mvn graft:verify` and `mvn graft:status` run in another.
def version = (new File(basedir, 'pom.xml').text =~ /graft-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
// as the invoker's own builds: this build's Graft from the tests' repository, the rest from the user's one
def userRepository = new File(System.getProperty('user.home'), '.m2/repository').toURI().toString()
def settings = new File(basedir, 'child-settings.xml')
settings.text = new File(basedir, '../../../src/it/settings.xml').text.replace('@localRepositoryUrl@', userRepository)
def start = { String name, List<String> args ->
    def command = ([mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}"] + args).collect { it.toString() }
    def log = new File(basedir, "${name}.log")
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(log).start()
    [process: process, log: log]
}
def goal = { String g -> "dev.graft:graft-maven-plugin:${version}:${g}".toString() }
def finish = { run, int seconds ->
    assert run.process.waitFor(seconds, TimeUnit.SECONDS) : "${run.log.name} finished within ${seconds} s"
    assert run.process.exitValue() == 0 : "${run.log.name} succeeded:\n${run.log.text}"
    def text = run.log.text
    assert !text.contains('OverlappingFileLockException') && !text.contains('Gave up waiting') : run.log.name
    text
}

def serve = start('serve', [goal('branch'), '-Dgraft.branch=pr-1', '-Dgraft.serve'])
def deadline = System.currentTimeMillis() + 180_000
while (!serve.log.text.contains('serving until Maven is interrupted') && System.currentTimeMillis() < deadline) {
    assert serve.process.alive : "graft:branch -Dgraft.serve ended early:\n${serve.log.text}"
    Thread.sleep(200)
}
assert serve.log.text.contains('serving until Maven is interrupted')

// two more runs at once, while the server is served
def verify = start('verify', [goal('verify')])
def status = start('status', [goal('status')])
def verified = finish(verify, 300)
def listed = finish(status, 300)
assert verified.contains('attached to the server of process') : 'verify used the served server'
assert verified.contains('graft: 1 migration(s) verified')
assert listed.contains('attached to the server of process') : 'status used the served server'
assert serve.process.alive : 'the serving run is untouched'

// the serving run is killed (kill -9): the next run takes its server over, it never waits for it
serve.process.destroyForcibly()
assert serve.process.waitFor(30, TimeUnit.SECONDS)
long before = System.currentTimeMillis()
def after = finish(start('after-kill', [goal('status')]), 120)
println "graft:status after the serving run was killed took ${System.currentTimeMillis() - before} ms"
assert after.contains('left running') || after.contains('started in') : 'the killed run\'s server was taken over or replaced'
true
