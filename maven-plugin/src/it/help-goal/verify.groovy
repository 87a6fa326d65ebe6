def log = new File(basedir, 'build.log').text
assert log.contains('graft:baseline') : 'the help names the goal'
assert log.contains('graft.parentSeed') : 'with -Ddetail it lists the parameters and their properties'
// help -Ddetail=true: every goal, each parameter followed (within its entry) by its user property
['verify', 'generate', 'check', 'baseline', 'status', 'diff', 'branch', 'lint'].each { goal ->
    assert log.contains("graft:${goal}") : "the help lists graft:${goal}"
}
[
    'parallelism': 'graft.parallelism', 'seed': 'graft.seed', 'reportDirectory': 'graft.reportDirectory',
    'failOn': 'graft.lint.failOn', 'ttl': 'graft.ttl', 'engine': 'graft.engine', 'skip': 'graft.skip',
].each { parameter, property ->
    assert log =~ /(?s)\n\s+${parameter}( \(Default: [^)]*\))?\n(?:(?!\n\s{4}\S).)*?User property: \Q${property}\E\n/ :
            "-Ddetail lists ${parameter} with its user property ${property}"
}
assert !(log =~ /User property: (?!graft\.|detail|goal|lineLength|indentSize)/) : 'every user property but help\'s own is graft.*'
true
