// After deploy v2 + status: in sync; then change the handler again (local only) for the drift check.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.invocationLogs()[1]
assert log.contains('BUILD SUCCESS'): support.tail(log)
assert log.contains('1 function(s) in sync with the local package, 0 drifted'): support.tail(log)
Map status = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/status.json'))
Map fn = status.regions[0].functions[0]
assert fn.name == 'it-goals-fn' && fn.drift == [] && fn.lastUpdateStatus == 'Successful'
assert fn.codeSha256 == support.manifest().function.codeSha256
assert fn.layers[0].name == 'it-goals-lifecycle-goals' && fn.layers[0].version == 1 && fn.layers[0].status == 'in-sync'
new File(basedir, 'code-v2.txt').text = fn.codeSha256
File src = new File(basedir, 'src/main/java/com/example/goals/Handler.java')
src.text = src.text.replace('"v2:"', '"v3:"')
return true
