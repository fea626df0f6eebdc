// After deploy v2 + status: a new image runs, and it is the one this checkout built (in sync).
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.invocationLogs()[1]
assert log.contains('BUILD SUCCESS'): support.tail(log)
assert log.contains('1 function(s) in sync with the local package, 0 drifted'): support.tail(log)
String v1 = new File(basedir, 'image-v1.txt').text
Map deployed = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/deploy-result.json'))
String v2 = deployed.regions[0].image.imageUri
assert v2 != v1
Map fn = ((Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/status.json'))).regions[0].functions[0]
assert fn.packageType == 'Image' && fn.imageUri == v2 && fn.drift == []
assert fn.localImage.status == 'in-sync' && fn.localImage.imageUri == v2 && fn.localImage.packageChanged == false
new File(basedir, 'image-v2.txt').text = v2
return true
