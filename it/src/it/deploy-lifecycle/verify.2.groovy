// After the second deploy: nothing changed, nothing uploaded. Then change only the handler code for invocation 3.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.invocationLogs()[1]
aws.assertNoSecrets(support.buildLog())
assert log.contains('BUILD SUCCESS')
assert log.contains('[DEBUG]'): 'invocation 2 runs with -X'
assert log =~ /\[INFO\] everything is up to date \([\d.]+ s\)/: support.tail(log)
assert !log.contains('0 B uploaded'): 'nothing uploaded is not a number to print'
assert aws.layerVersions('it-lifecycle-deploy-lifecycle').size() == 1: 'no new layer version'
Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/deploy-result.json'))
assert result.bytesUploaded == 0
assert result.regions[0].layers[0].action == 'up-to-date'
assert result.regions[0].functions[0].code == 'up-to-date' && result.regions[0].functions[0].configuration == 'up-to-date'

File src = new File(basedir, 'src/main/java/com/example/life/Handler.java')
src.text = src.text.replace('"v1:"', '"v2:"')
new File(basedir, 'function-before-3.txt').text = aws.function('it-lifecycle-fn').codeSha256()
return true
