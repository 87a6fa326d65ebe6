def log = new File(basedir, 'build.log').text
['generate', 'check', 'baseline', 'verification', 'status', 'diff', 'branch', 'lint'].each { goal ->
    assert log.contains("graft: ${goal} skipped (graft.skip)") : "${goal} honours graft.skip"
}
assert !log.contains('GRAFT-C0') : 'the broken catalog was never read'
true
