support = evaluate(new File(itSupport))

File lambda = support.lambdaDir()
Map m = support.manifest()
File layerZip = support.checkZipRecord(support.layer(m, 'collide-function'), lambda)
List<String> files = support.fileEntryNames(layerZip)
assert files as Set == ['java/lib/dev.lambdadeploy.it.fake.alpha-util-1.0.jar',
                        'java/lib/dev.lambdadeploy.it.fake.beta-util-1.0.jar',
                        'java/lib/util-1.0-extras.jar',
                        'java/lib/slf4j-api-2.0.16.jar'] as Set

List<Map> utils = m.jars.findAll { it.artifactId == 'util' }
assert utils.size() == 3
Map alpha = utils.find { it.groupId == 'dev.lambdadeploy.it.fake.alpha' && !it.classifier }
Map beta = utils.find { it.groupId == 'dev.lambdadeploy.it.fake.beta' }
Map extras = utils.find { it.classifier == 'extras' }
assert alpha.zipEntry == 'java/lib/dev.lambdadeploy.it.fake.alpha-util-1.0.jar'
assert beta.zipEntry == 'java/lib/dev.lambdadeploy.it.fake.beta-util-1.0.jar'
assert extras.zipEntry == 'java/lib/util-1.0-extras.jar'
// each name holds the right jar
assert support.nestedEntryNames(support.entryBytes(layerZip, alpha.zipEntry)).contains('alpha/util.txt')
assert support.nestedEntryNames(support.entryBytes(layerZip, beta.zipEntry)).contains('beta/util.txt')
assert support.nestedEntryNames(support.entryBytes(layerZip, extras.zipEntry)).contains('extras/extras.txt')
return true
