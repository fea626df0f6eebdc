// After the layers-only deploy (2): the layer reused, the changed function code not deployed.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.invocationLogs()[1]
assert log.contains('BUILD SUCCESS'): support.tail(log)
Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/deploy-result.json'))
assert result.regions[0].functions == []
assert result.regions[0].layers[0].action == 'up-to-date'
assert result.regions[0].layers[0].layerVersionArn == new File(basedir, 'layer-v1.txt').text
assert aws.function('it-pipeline-fn').codeSha256() == new File(basedir, 'code-v1.txt').text: 'layers only must not deploy code'
return true
