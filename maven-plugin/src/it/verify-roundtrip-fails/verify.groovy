def log = new File(basedir, 'build.log').text
assert log.contains('proof failed: verification failed')
def report = new File(basedir, 'target/graft/graft-verify.md')
assert report.isFile() : 'the report is written even though the build fails'
def md = report.text
assert md.contains('round-trip')
assert md.contains('❌')
assert md.contains('AMS001B24001SN00000005') || md.contains('SN0000') : 'the report shows failing rows with their values'
true
