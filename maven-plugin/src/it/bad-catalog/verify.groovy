def log = new File(basedir, 'build.log').text
assert log.contains('V1__t.yaml:5:32: "type" was cut at a comma inside { }: quote it, as in type: "numeric(10,2)" [GRAFT-C016]')
assert !new File(basedir, 'src/main/resources/db/migration').exists() : 'nothing was written'
true
