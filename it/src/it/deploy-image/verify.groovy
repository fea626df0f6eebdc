// After rollback + status (3) and status with failOnDrift (4): v1's image runs again, the history tags are swapped,
// and status reports the drift from the local build (v2), which fails the build with failOnDrift.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
assert support.invocationLogs().size() == 4: 'an invocation did not run: an earlier check failed, see above'
aws.assertNoSecrets(support.buildLog())
String v1 = new File(basedir, 'image-v1.txt').text
String v2 = new File(basedir, 'image-v2.txt').text
String digest1 = v1.substring(v1.indexOf('@') + 1)
String digest2 = v2.substring(v2.indexOf('@') + 1)

String log = support.invocationLogs()[2]
assert log.contains('BUILD SUCCESS'): support.tail(log)
assert log.contains("it-image-fn: rolled back to the previous deployment (deploy history tags) (code ${v1} from image ${v1}"): support.tail(log)
def fn = aws.lambda { it.getFunction { r -> r.functionName('it-image-fn') } }
assert fn.code().imageUri() == v1
assert fn.tags()['lambda-deploy:image-uri'] == v1
assert fn.tags()['lambda-deploy:previous-image-uri'] == v2: 'a second rollback would return to v2'
Map status = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/status.json'))
Map st = status.regions[0].functions[0]
assert st.imageDigest == digest1: 'status confirms the rollback'
assert st.localImage.status == 'differs' && st.localImage.imageUri == v2
assert st.drift == ["image: deployed ${digest1}, local build ${digest2} (lambda:deploy would point the function at the local build)".toString()]
assert status.drift == true

String failed = support.invocationLogs()[3]
assert failed.contains('BUILD FAILURE'): support.tail(failed)
assert failed.contains('lambda:status found drift between the deployed functions and the local package'): support.tail(failed)
return true
