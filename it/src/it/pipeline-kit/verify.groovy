// After the unknown goal name (3).
import groovy.json.JsonSlurper
support = evaluate(new File(itSupport))
assert support.invocationLogs().size() == 3: 'an invocation did not run: an earlier check failed, see above'
String log = support.invocationLogs()[2]
assert log.contains('BUILD FAILURE'): support.tail(log)
assert log.contains("<iamGoals> (lambda.iam.goals): unknown goal 'publish'. Use any of deploy, status, rollback, prune"): support.tail(log)

// The calls the builds above made (moto's request log, this IT's resources), each allowed by the deploy statements of
// the policy lambda:iam-policy generated in invocation 1; the unit tests IamPolicyCallsTest and ImageIamCallsTest
// also check the other direction (nothing granted that no goal calls) and every goal.
iam = evaluate(new File(iamCalls))
Map deployPolicy = ((Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/iam-policy-by-goal.json'))).deploy
List<Map> calls = iam.requests(new File(motoLog), 'it-pipeline', 'eu-west-1')
List<Map> unmapped = calls.findAll { it.action == null }
assert unmapped.isEmpty(): 'requests the IAM check cannot map: ' + unmapped*.line
List<Map> denied = calls.findAll { !iam.allows(deployPolicy, it.action, it.resource) }
assert denied.isEmpty(): 'calls the generated policy does not allow: ' + denied.collect { "${it.action} on ${it.resource}" }
Set<String> actions = calls*.action as Set
['lambda:ListLayerVersions', 'lambda:PublishLayerVersion', 'lambda:GetLayerVersion', 'lambda:GetFunction',
 'lambda:GetFunctionConfiguration', 'lambda:TagResource', 's3:ListBucket', 's3:CreateBucket', 's3:PutObject',
 's3:GetObject', 's3:PutBucketPublicAccessBlock'].each { a ->
    assert actions.contains(a): "the builds made no ${a} call the check could see: ${actions}"
}
// and the check itself tells a denied call apart
assert !iam.allows(deployPolicy, 'lambda:DeleteFunction', 'arn:aws:lambda:eu-west-1:123456789012:function:someone-else')
assert !iam.allows(deployPolicy, 's3:PutObject', 'arn:aws:s3:::it-pipeline-eu-west-1/elsewhere/x.zip')
return true
