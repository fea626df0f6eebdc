support = evaluate(new File(itSupport))
File lambda = support.lambdaDir()
Map m = support.manifest()
assert m.layers*.name as Set == ['aws-sdk', 'deps'] as Set

Map<String, List<String>> files = m.layers.collectEntries { [it.name, support.fileEntryNames(support.checkZipRecord(it, lambda))] }
assert files['aws-sdk'].containsAll(['java/lib/s3-2.41.18.jar', 'java/lib/url-connection-client-2.41.18.jar',
                                     'java/lib/sdk-core-2.41.18.jar', 'java/lib/auth-2.41.18.jar', 'java/lib/regions-2.41.18.jar'])
assert files['aws-sdk'].any { it.startsWith('java/lib/reactive-streams-') }
assert files['aws-sdk'].any { it.startsWith('java/lib/eventstream-') }
assert files['deps'].containsAll(['java/lib/jackson-databind-2.22.4.jar', 'java/lib/jackson-core-2.22.4.jar',
                                  'java/lib/aws-lambda-java-core-1.2.3.jar'])
// since 2.20 jackson-annotations has its own versions ("2.22")
assert files['deps'].any { it ==~ /java\/lib\/jackson-annotations-2\.[0-9.]+\.jar/ }
assert files['deps'].any { it.startsWith('java/lib/slf4j-api-') }
List<String> all = files.values().flatten()
assert !all.any { it.contains('apache-client') || it.contains('netty') || it.contains('httpclient') }: 'excluded HTTP clients must not come back'

// placement rule, jar by jar
m.jars.each { Map j ->
    boolean sdk = j.groupId.startsWith('software.amazon.') || j.groupId == 'org.reactivestreams'
    assert j.target == (sdk ? 'layer:aws-sdk' : 'layer:deps'): "${j.groupId}:${j.artifactId} is in ${j.target}"
}
// the HTTP client is found through ServiceLoader: its registration must survive stripping
byte[] ucc = support.entryBytes(new File(lambda, 'layers/aws-sdk.zip'), 'java/lib/url-connection-client-2.41.18.jar')
assert support.nestedEntryNames(ucc).contains('META-INF/services/software.amazon.awssdk.http.SdkHttpService')

File fnZip = support.checkZipRecord(m.function, lambda)
List<String> fnFiles = support.fileEntryNames(fnZip).findAll { !it.startsWith('META-INF/') }
assert fnFiles == ['com/example/s3/ListObjectsHandler.class']
assert m.function.jars.isEmpty()
// within Lambda's 250 MB (function + all layers, unzipped)
assert m.function.unzippedBytes + m.layers.sum { it.unzippedBytes } < 262_144_000
// the summary names each zip with its CodeSha256
String summary = support.packageExecutionLines('sdk-jackson-layers').join('\n')
List<Map> zips = [m.function] + m.layers
zips.each { assert summary.contains(it.codeSha256) }
return true
