import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def outcome = { String dir -> new JsonSlurper().parse(new File(basedir, "target/${dir}/graft-verify.json")) }

// 1: a bad engine name
assert log =~ /Failed to execute goal .*:verify \(default-cli\) on project verify-outcomes: set-up: unknown engine "oracle"/
assert outcome('graft-engine').outcome == 'setup_error'
assert outcome('graft-engine').error.startsWith('set-up: unknown engine')

// 2: a server nobody listens on
assert log =~ /on project verify-outcomes: set-up: .*127\.0\.0\.1:9/
assert outcome('graft-unreachable').outcome == 'setup_error'

// 3: the proof fails, and the report says so
def plain = log.replaceAll(/\u001B\[[;\d]*m/, '')
assert plain =~ /on project verify-outcomes: proof failed: verification failed/
def proof = outcome('graft')
assert proof.outcome == 'proof_failed' && proof.passed == false
assert proof.migrations[0].checks.find { it.check == 'reapply' }.status == 'failed'
// -Dstyle.color=always colours each status even under -B: apply passed in green, reapply failed in red
assert log =~ /apply \u001B\[[;\d]*32m(passed)\u001B\[m/ : 'passed in the success style'
assert log =~ /reapply \u001B\[[;\d]*31m(failed)\u001B\[m/ : 'failed in the failure style'
assert plain.contains('graft: V1 apply passed, reapply failed')
true
