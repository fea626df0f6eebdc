// After rollback + status (3) and status with failOnDrift (4): v1's image runs again, the history tags are swapped,
// and status reports the drift from the local build (v2), which fails the build with failOnDrift. Then it registers
// the images in moto's ECR for lambda:prune (5, verify.groovy).
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

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

// In AWS the registry the deploy pushes to is ECR itself. Here the pushes went to the IT's docker-registry, which moto's
// ECR does not see: register what AWS would list: an older untagged image nothing uses, v1 untagged (its version tag
// moved to v2 when v2 was pushed) and v2 with the version tag, each under its digest.
def http = HttpClient.newHttpClient()
def manifestOf = { String digest ->
    def res = http.send(HttpRequest.newBuilder(URI.create("http://${registryHost}/v2/it-image/manifests/${digest}"))
            .header('Accept', 'application/vnd.docker.distribution.manifest.v2+json').build(),
            HttpResponse.BodyHandlers.ofString())
    assert res.statusCode() == 200: "manifest ${digest}: HTTP ${res.statusCode()}"
    res.body()
}
String m1 = manifestOf(digest1)
Map parsed = (Map) new JsonSlurper().parseText(m1)
String unused = aws.ecr { ecr ->
    String old = m1.replace(parsed.layers[-1].digest, 'sha256:' + '0' * 64)
    String d = ecr.putImage { it.repositoryName('it-image').imageManifest(old) }.image().imageId().imageDigest()
    ecr.putImage { it.repositoryName('it-image').imageManifest(m1).imageDigest(digest1) }
    ecr.putImage { it.repositoryName('it-image').imageManifest(manifestOf(digest2)).imageTag('1.0').imageDigest(digest2) }
    d
}
assert !(unused in [digest1, digest2])
new File(basedir, 'unused-digest.txt').text = unused
return true
