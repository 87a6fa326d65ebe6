def log = new File(basedir, 'build.log').text
assert !log.contains('does not exist')
assert log =~ /graft: loading the parent "main_[0-9a-f]{8}" from/ : 'the parent is made from the seed'
assert log =~ /branch "pr-42" of "main_[0-9a-f]{8}"/ : 'the branch is made of it'
assert log.contains('jdbc url: jdbc:postgresql://')
true
