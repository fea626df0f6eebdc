// After the first deploy: what Lambda and S3 hold matches the manifest.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.buildLog()
aws.assertNoSecrets(log)
assert log.contains('BUILD SUCCESS')
Map m = support.manifest()
Map layer = support.layer(m, 'deploy-lifecycle')

List versions = aws.layerVersions('it-lifecycle-deploy-lifecycle')
assert versions.size() == 1
assert versions[0].codeSha256 == layer.codeSha256
assert versions[0].runtimes == ['java21'] && versions[0].architectures == ['x86_64']

def fn = aws.function('it-lifecycle-fn')
assert fn.codeSha256() == m.function.codeSha256
assert fn.layers()*.arn() == [versions[0].arn]
assert fn.handler() == 'com.example.life.Handler::handleRequest'
assert fn.memorySize() == 512
assert fn.environment().variables() == [JAVA_TOOL_OPTIONS: '-XX:+TieredCompilation -XX:TieredStopAtLevel=1']
// <functions>: the admin function runs the same code and layer with its own handler, memory and environment
def admin = aws.function('it-lifecycle-admin')
assert admin.codeSha256() == m.function.codeSha256
assert admin.layers()*.arn() == [versions[0].arn]
assert admin.handler() == 'com.example.life.Handler::handleAdmin'
assert admin.memorySize() == 256
assert admin.environment().variables() == [JAVA_TOOL_OPTIONS: '-XX:+TieredCompilation -XX:TieredStopAtLevel=1',
                                           MODE: 'admin']
Map tags = aws.tags(fn.functionArn())
assert tags['lambda-deploy:layers'] == 'it-lifecycle-deploy-lifecycle:1'
assert tags['lambda-deploy:project'] == 'dev.lambdadeploy.it.deploy:deploy-lifecycle:1.0'

// content-addressed objects: <prefix>/<layer>/<sha256 hex>.zip
String layerHex = layer.codeSha256.decodeBase64().encodeHex().toString()
String fnHex = (m.function.codeSha256 as String).decodeBase64().encodeHex().toString()
Map objects = aws.objects('it-lifecycle-eu-west-1')
assert objects == [("lambda-deploy/it-lifecycle-deploy-lifecycle/${layerHex}.zip".toString()): layer.zippedBytes,
                   ("lambda-deploy/deploy-lifecycle-function/${fnHex}.zip".toString()): m.function.zippedBytes]

Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/deploy-result.json'))
Map region = result.regions[0]
assert region.region == 'eu-west-1' && region.status == 'deployed'
assert region.layers[0].action == 'published' && region.layers[0].layerVersionArn == versions[0].arn
assert region.functions[0].code == 'created'
assert result.bytesUploaded == layer.zippedBytes + m.function.zippedBytes
assert log.contains('creating bucket it-lifecycle-eu-west-1')
// one short action per row, and what was uploaded once, in a human unit
assert log =~ /it-lifecycle-fn\s+created\s+CodeSha256 /
assert log =~ /it-lifecycle-deploy-lifecycle\s+published\s+arn:aws:lambda:eu-west-1:\d+:layer:it-lifecycle-deploy-lifecycle:1 \(/
assert log =~ /\[INFO\] deployed; [\d.]+ KiB uploaded \([\d.]+ s\)/
return true
