// After the dry run (invocation 4): the plan names the code change, and nothing in AWS changed.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
assert support.invocationLogs().size() == 4: 'invocation 4 did not run: an earlier check failed, see above'
String log = support.invocationLogs()[3]
aws.assertNoSecrets(support.buildLog())
assert log.contains('BUILD SUCCESS')
assert log.contains('Dry run: would deploy deploy-lifecycle 1.0')
assert log.contains('dry run: nothing was changed')
assert log =~ /it-lifecycle-fn\s+would update\s+changes: code/
Map m = support.manifest()
def fn = aws.function('it-lifecycle-fn')
assert fn.codeSha256() == new File(basedir, 'function-before-4.txt').text: 'the dry run must not update the function'
assert fn.codeSha256() != m.function.codeSha256
assert aws.layerVersions('it-lifecycle-deploy-lifecycle').size() == 1
assert aws.objects('it-lifecycle-eu-west-1').size() == 3: 'the dry run must not upload'
Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/deploy-result.json'))
assert result.dryRun == true
assert result.regions[0].functions[0].code == 'would-update'
return true
