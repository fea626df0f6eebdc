// After deploy v1: the image function in Lambda runs the pushed image pinned by digest; the registry holds that
// image with the handler as CMD, for linux/amd64, on the base plus 4 application layers; deploy-result.json reports
// it. Then the handler changes for v2.
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.buildLog()
aws.assertNoSecrets(log)
assert log.contains('BUILD SUCCESS')
assert log.contains('Image build and push:'): 'progress while pushing'
assert log =~ /eu-west-1\s+image\s+it-image\s+pushed/

Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/deploy-result.json'))
assert result.mode == 'image'
Map image = result.regions[0].image
String digest = image.digest
assert digest ==~ /sha256:[0-9a-f]{64}/
assert image.imageUri == "123456789012.dkr.ecr.eu-west-1.amazonaws.com/it-image@${digest}"
assert image.pushedTo == "${registryHost}/it-image@${digest}"
assert image.repositoryCreated == true
assert image.layers*.name == ['base-1', 'dependencies', 'resources', 'classes']: 'no SNAPSHOT dependency, so no snapshot layer'
assert image.layers.findAll { it.origin == 'application' }.every { it.pushed }
assert image.pushedBytes > 0
assert result.regions[0].functions[0].code == 'created'
assert result.regions[0].functions[0].imageUri == image.imageUri

// Lambda (moto) through the SDK
def fn = aws.lambda { it.getFunction { r -> r.functionName('it-image-fn') } }
assert fn.configuration().packageTypeAsString() == 'Image'
assert fn.code().imageUri() == image.imageUri
assert fn.configuration().memorySize() == 1024
assert fn.configuration().layers().isEmpty()

// the registry's HTTP API
def http = HttpClient.newHttpClient()
def get = { String path, String accept ->
    def res = http.send(HttpRequest.newBuilder(URI.create("http://${registryHost}/v2/${path}"))
            .header('Accept', accept).build(), HttpResponse.BodyHandlers.ofString())
    assert res.statusCode() == 200: "${path}: HTTP ${res.statusCode()} ${res.body()}"
    res
}
def manifestRes = get('it-image/manifests/1.0', 'application/vnd.docker.distribution.manifest.v2+json')
assert manifestRes.headers().firstValue('Docker-Content-Digest').get() == digest
Map manifest = (Map) new JsonSlurper().parseText(manifestRes.body())
assert manifest.mediaType == 'application/vnd.docker.distribution.manifest.v2+json': 'single-platform, never a list'
assert manifest.layers.size() == 4
assert manifest.layers*.size == image.layers*.compressedBytes
Map config = (Map) new JsonSlurper().parseText(get("it-image/blobs/${manifest.config.digest}", '*/*').body())
assert config.architecture == 'amd64'
assert config.os == 'linux'
assert config.config.Cmd == ['com.example.img.Handler::handleRequest']
assert config.config.Entrypoint == ['/lambda-entrypoint.sh']
assert config.config.WorkingDir == '/var/task'

// the image this checkout built, for lambda:status
Map built = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/image-build.json'))
assert built.images[0].digest == digest && built.images[0].imageUri == image.imageUri
new File(basedir, 'image-v1.txt').text = image.imageUri
File src = new File(basedir, 'src/main/java/com/example/img/Handler.java')
src.text = src.text.replace('"image:"', '"image-v2:"')
return true
