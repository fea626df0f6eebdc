support = evaluate(new File(itSupport))
String copy = 'second-checkout/at/a/different/path'
assert support.zipHashes(support.lambdaDir(copy)) == support.zipHashes(new File(basedir, 'first-build')):
        'a clean build in another checkout directory (other file times and modes) must give identical zips'
Map m1 = new groovy.json.JsonSlurper().parse(new File(basedir, 'first-build/lambda-package.json'))
Map m2 = support.manifest(copy)
assert m2.function.codeSha256 == m1.function.codeSha256
assert m2.jars.collect { [it.zipEntry, it.finalBytes] } as Set == m1.jars.collect { [it.zipEntry, it.finalBytes] } as Set
return true
