def baseline = new File(basedir, 'src/main/graft/baseline.yaml')
assert baseline.isFile() : 'graft:baseline wrote the baseline into the catalog folder'
assert baseline.text.contains('name: "public.customer"')
assert baseline.text.contains('type: "character varying(20)"')
def log = new File(basedir, 'build.log').text
assert !log.contains('GRAFT-C101') : 'the catalog reads over the baseline: customer exists'
assert log.contains('matches baseline.yaml')
assert log.contains('proof failed: verification failed')
def md = new File(basedir, 'target/graft/graft-verify.md').text
assert md =~ /V1 round-trip/ : 'the round trip of existing rows fails'
assert md.contains('Van der Berg') : 'the report names the real Chinook row that does not come back'
true
