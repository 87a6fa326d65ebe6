def log = new File(basedir, 'build.log').text
assert !log.contains('does not exist')
assert log.contains('graft: loading the parent "main" from') : 'the parent is made from the seed, named as the user names it'
assert log =~ /branch "pr-42" of "main_[0-9a-f]{8}"/ : 'the branch is made of it'
assert log.contains('jdbc url: jdbc:postgresql://')
true
