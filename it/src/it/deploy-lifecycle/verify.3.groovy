// After the code-only change: the function code is new, the layer and the configuration are not.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.invocationLogs()[2]
assert log.contains('BUILD SUCCESS')
Map m = support.manifest()
def fn = aws.function('it-lifecycle-fn')
assert fn.codeSha256() == m.function.codeSha256
assert fn.codeSha256() != new File(basedir, 'function-before-3.txt').text
assert aws.function('it-lifecycle-admin').codeSha256() == m.function.codeSha256: 'both functions run the new code'
List versions = aws.layerVersions('it-lifecycle-deploy-lifecycle')
assert versions.size() == 1
assert fn.layers()*.arn() == [versions[0].arn]
Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/deploy-result.json'))
Map f = result.regions[0].functions[0]
assert f.code == 'updated' && f.configuration == 'up-to-date' && f.changes == ['code']
assert result.regions[0].layers[0].action == 'up-to-date'
assert result.bytesUploaded == m.function.zippedBytes
assert aws.objects('it-lifecycle-eu-west-1').size() == 3: 'the new function zip is one more object'

File src = new File(basedir, 'src/main/java/com/example/life/Handler.java')
src.text = src.text.replace('"v2:"', '"v3:"')
new File(basedir, 'function-before-4.txt').text = fn.codeSha256()
return true
