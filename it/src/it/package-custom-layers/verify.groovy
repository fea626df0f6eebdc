support = evaluate(new File(itSupport))

File lambda = support.lambdaDir()
Map m = support.manifest()

assert m.layers*.name as Set == ['commons', 'text-and-logging', 'runtime'] as Set
assert !new File(lambda, 'layers/layers-function.zip').exists(): 'with <layers> there is no default layer'

Map<String, Set<String>> layerJars = [:]
m.layers.each { Map rec ->
    assert rec.path == "layers/${rec.name}.zip"
    File zip = support.checkZipRecord(rec, lambda)
    List<String> files = support.fileEntryNames(zip)
    assert files.every { it ==~ /java\/lib\/[^\/]+\.jar/ }
    layerJars[rec.name] = files as Set
}
assert layerJars.commons == ['java/lib/commons-lang3-3.14.0.jar'] as Set: 'first match wins, excludes apply'
assert layerJars['text-and-logging'] == ['java/lib/commons-text-1.12.0.jar', 'java/lib/slf4j-api-2.0.16.jar'] as Set
assert layerJars.runtime == ['java/lib/aws-lambda-java-core-1.2.3.jar'] as Set

File fnZip = support.checkZipRecord(m.function, lambda)
assert m.function.jars == ['lib/commons-io-2.18.0.jar']
List<String> fnFiles = support.fileEntryNames(fnZip)
assert fnFiles.findAll { it.startsWith('lib/') } == ['lib/commons-io-2.18.0.jar']
assert fnFiles.contains('com/example/layers/Handler.class')

assert support.jar(m, 'org.apache.commons', 'commons-lang3').target == 'layer:commons'
assert support.jar(m, 'org.apache.commons', 'commons-text').target == 'layer:text-and-logging'
assert support.jar(m, 'org.slf4j', 'slf4j-api').target == 'layer:text-and-logging'
assert support.jar(m, 'com.amazonaws', 'aws-lambda-java-core').target == 'layer:runtime'
Map io = support.jar(m, 'commons-io', 'commons-io')
assert io.target == 'function'
assert io.zipEntry == 'lib/commons-io-2.18.0.jar'
return true
