def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'src/main/graft').path
assert log.contains("graft: nothing to verify: no catalog files in ${folder}, 0 SQL migration(s) in ") : 'it names what it found'
assert log.contains('the parent "main" has no Flyway history')
assert !log.contains('the parent has applied every migration') : 'no claim about migrations that do not exist'
def md = new File(basedir, 'target/graft/graft-verify.md').text
assert md.contains('Nothing to verify: no migration is pending')
true
