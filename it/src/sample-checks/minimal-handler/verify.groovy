support = evaluate(new File(itSupport))
File lambda = support.lambdaDir()
Map m = support.manifest()
assert m.project.artifactId == 'minimal-handler'
assert m.architecture == 'x86_64'
File fnZip = support.checkZipRecord(m.function, lambda)
assert support.fileEntryNames(fnZip).findAll { !it.startsWith('META-INF/') } == ['com/example/MinimalHandler.class']
assert m.function.jars.isEmpty()
assert m.layers*.name == ['minimal-handler']
File layerZip = support.checkZipRecord(m.layers[0], lambda)
assert support.fileEntryNames(layerZip) == ['java/lib/aws-lambda-java-core-1.2.3.jar']
// the README's table
assert new File(basedir, 'README.md').text.contains('layers/minimal-handler.zip')
return true
