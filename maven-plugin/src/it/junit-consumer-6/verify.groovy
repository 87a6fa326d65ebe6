def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the tests ran on this JUnit and passed'
assert !log.contains('NoSuchMethodError')
true
