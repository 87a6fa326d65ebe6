def log = new File(basedir, 'build.log').text
assert log.contains('graft: the migration files match the catalog') : 'generate and check ran on the baseline, offline'
assert log.contains('public.customer.email: type is character varying(60) in baseline.yaml, character varying(80) on the parent')
assert log.contains('has drifted from') && log.contains('in 1 place(s)') : 'only the changed column is named'
assert !log.contains('public.customer.city:') : 'an unchanged column is not named'
assert !new File(basedir, 'target/graft/graft-verify.md').exists() : 'nothing is verified against a parent that drifted'
true
