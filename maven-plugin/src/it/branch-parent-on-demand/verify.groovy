def log = new File(basedir, 'build.log').text
assert !log.contains('does not exist')
assert log.contains('graft: loading the parent "main" from') : 'the parent is made from the seed, named as the user names it'
assert log.contains('branch "pr-42" of "main",') : 'the branch is made of it, its parent named as the user names it'
assert log.contains('jdbc url: jdbc:postgresql://')
true
