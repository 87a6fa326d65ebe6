def md = new File(basedir, 'target/graft/schema-diff.md').text
assert md.startsWith('## Schema diff: ')
assert md.contains('public.inventory') : 'the new table is in the diff'
assert !md.contains('flyway_schema_history') : 'Flyway bookkeeping is left out'
assert md.contains('location_code') : 'the split columns are in the diff'
assert !md.contains('graft_2_inventory') : 'the split is completed by V3, so its trigger is gone'
def log = new File(basedir, 'build.log').text
assert log =~ /V2\s+split_inventory_code\s+generated/ : 'status lists V2 as generated'
true
