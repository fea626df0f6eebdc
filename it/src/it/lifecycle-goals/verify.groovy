// After rollback + status + prune (4) and the unknown function (5).
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
assert support.invocationLogs().size() == 5: 'an invocation did not run: an earlier check failed, see above'
aws.assertNoSecrets(support.buildLog())
String v1 = new File(basedir, 'code-v1.txt').text
String v2 = new File(basedir, 'code-v2.txt').text

String log = support.invocationLogs()[3]
assert log.contains('BUILD SUCCESS'): support.tail(log)
assert log.contains('it-goals-fn: rolled back to the previous deployment (deploy history tags)'): support.tail(log)
assert aws.function('it-goals-fn').codeSha256() == v1
Map status = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/status.json'))
assert status.regions[0].functions[0].codeSha256 == v1: 'status confirms the rollback'
assert status.regions[0].functions[0].history.previousCodeSha256 == v2
assert status.drift == true: 'the local build (v3) differs'
assert log.contains('Lambda prune plan (dry run, nothing deleted; -Dlambda.prune.delete=true deletes)')
Map prune = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/prune-result.json'))
assert prune.dryRun == true && prune.keep == 1
assert prune.regions[0].items.findAll { it.action != 'kept' }.isEmpty(): 'v1 runs, v2 is the rollback target'
assert aws.objects('it-goals-eu-west-1').size() == 3

String bad = support.invocationLogs()[4]
assert bad.contains('BUILD FAILURE')
assert bad.contains('Function it-goals-missing does not exist in eu-west-1. Functions are regional'): support.tail(bad)
assert aws.function("it-goals-fn").codeSha256() == v1: "a refused rollback changes nothing, not even the known function"
return true
