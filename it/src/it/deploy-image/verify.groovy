// After lambda:prune -Dlambda.prune.delete=true (invocation 5): the untagged image nothing uses is gone from ECR; the
// image the function runs (v1, untagged) and the rollback target (v2) stay, and prune-result.json says why.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
List<String> logs = support.invocationLogs()
assert logs.size() == 5: 'an invocation did not run: an earlier check failed, see above'
aws.assertNoSecrets(support.buildLog())
String log = logs[4]
assert log.contains('BUILD SUCCESS'): support.tail(log)

String repo = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/it-image'
String v1 = new File(basedir, 'image-v1.txt').text
String v2 = new File(basedir, 'image-v2.txt').text
String digest1 = v1.substring(v1.indexOf('@') + 1)
String digest2 = v2.substring(v2.indexOf('@') + 1)
String unused = new File(basedir, 'unused-digest.txt').text
assert log.contains("deleted image ${repo}@${unused}"): support.tail(log)

Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/prune-result.json'))
assert result.dryRun == false
List<Map> images = result.regions[0].items.findAll { it.kind == 'image' }
assert images*.id as Set == ["${repo}@${digest1}", "${repo}@${digest2}", "${repo}@${unused}"]*.toString() as Set
Map running = images.find { it.id == "${repo}@${digest1}".toString() }
assert running.action == 'kept' && running.tags == []
assert running.reason.contains('image of function it-image-fn'): running.reason
Map target = images.find { it.id == "${repo}@${digest2}".toString() }
assert target.action == 'kept' && target.tags == ['1.0']
assert target.reason.contains('rollback target of it-image-fn'): target.reason
Map deleted = images.find { it.id == "${repo}@${unused}".toString() }
assert deleted.action == 'deleted'
assert deleted.reason == 'untagged and not in use'
assert result.bytesFreed == deleted.bytes

def left = aws.ecr { it.describeImages { r -> r.repositoryName('it-image') }.imageDetails()*.imageDigest() }
assert left as Set == [digest1, digest2] as Set
return true
