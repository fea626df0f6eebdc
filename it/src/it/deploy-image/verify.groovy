// After lambda:prune -Dlambda.prune.delete=true (invocation 2): the untagged image nothing uses is gone from ECR,
// the image the function runs stays, and prune-result.json says so.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
List<String> logs = support.invocationLogs()
assert logs.size() == 2: "expected two Maven invocations in build.log, got ${logs.size()}"
aws.assertNoSecrets(support.buildLog())
assert logs[1].contains('BUILD SUCCESS')

String repo = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/it-image'
String running = aws.lambda { it.getFunction { r -> r.functionName('it-image-fn') } }.code().imageUri()
String digest = running.substring(running.indexOf('@') + 1)
String untagged = new File(basedir, 'untagged-digest.txt').text
assert logs[1].contains("deleted image ${repo}@${untagged}")

Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/prune-result.json'))
assert result.dryRun == false
List<Map> images = result.regions[0].items.findAll { it.kind == 'image' }
assert images*.id as Set == ["${repo}@${digest}", "${repo}@${untagged}"] as Set
Map kept = images.find { it.id == "${repo}@${digest}" }
assert kept.action == 'kept'
assert kept.reason.contains('image of function it-image-fn'): kept.reason
assert kept.tags == ['1.0']
Map deleted = images.find { it.id == "${repo}@${untagged}" }
assert deleted.action == 'deleted'
assert deleted.reason == 'untagged and not in use'
assert result.bytesFreed == deleted.bytes

def left = aws.ecr { it.describeImages { r -> r.repositoryName('it-image') }.imageDetails()*.imageDigest() }
assert left == [digest]
return true
