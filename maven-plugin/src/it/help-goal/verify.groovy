def log = new File(basedir, 'build.log').text
assert log.contains('graft:baseline') : 'the help names the goal'
assert log.contains('graft.parentSeed') : 'with -Ddetail it lists the parameters and their properties'
true
