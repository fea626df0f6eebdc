// Default placement and the manifest contract, checked against the files themselves.
support = evaluate(new File(itSupport))

File lambda = support.lambdaDir('greeting-function')
Map m = support.manifest('greeting-function')

assert m.schemaVersion == 1
assert m.project == [groupId: 'dev.lambdadeploy.it.layout', artifactId: 'greeting-function', version: '1.0-SNAPSHOT']
assert m.architecture == 'x86_64'
assert m.outputTimestamp.toString().startsWith('2024-06-15T12:00')

// ---- function.zip: project classes and resources at the root, the SNAPSHOT reactor sibling under lib/
assert m.function.name == 'function'
assert m.function.path == 'function.zip'
File fnZip = support.checkZipRecord(m.function, lambda)
assert m.function.reused == false
assert m.function.jars == ['lib/greeting-lib-1.0-SNAPSHOT.jar']
List<String> fnFiles = support.fileEntryNames(fnZip)
assert fnFiles.contains('com/example/greeting/GreetingHandler.class')
assert fnFiles.contains('greeting.properties')
assert fnFiles.findAll { it.startsWith('lib/') } == ['lib/greeting-lib-1.0-SNAPSHOT.jar']
assert !fnFiles.any { it.startsWith('java/') }
assert !fnFiles.any { it.contains('Test') }
assert support.nestedEntryNames(fnZip, 'lib/greeting-lib-1.0-SNAPSHOT.jar').contains('com/example/greeting/lib/Greeter.class')
assert new String(support.entryBytes(fnZip, 'greeting.properties'), 'UTF-8').trim() == 'greeting.style=friendly'

// ---- one layer named after the artifactId with every released compile/runtime jar under java/lib/
assert m.layers*.name == ['greeting-function']
Map layerRec = m.layers[0]
assert layerRec.path == 'layers/greeting-function.zip'
File layerZip = support.checkZipRecord(layerRec, lambda)
assert layerRec.reused == false
List<String> layerFiles = support.fileEntryNames(layerZip)
assert layerFiles.every { it ==~ /java\/lib\/[^\/]+\.jar/ }: "a layer holds only java/lib/*.jar: ${layerFiles}"
def expectedLayerJars = ['java/lib/aws-lambda-java-core-1.2.3.jar', 'java/lib/commons-lang3-3.14.0.jar',
                         'java/lib/commons-text-1.12.0.jar', 'java/lib/slf4j-api-2.0.16.jar'] as Set
assert layerFiles as Set == expectedLayerJars
assert layerRec.jars as Set == expectedLayerJars

// ---- per-jar records
assert !m.jars.any { it.artifactId == 'commons-io' }: 'test-scoped dependencies are not packaged'
assert m.jars.size() == 5

Map lang3 = support.jar(m, 'org.apache.commons', 'commons-lang3')
assert lang3.version == '3.14.0'
assert !lang3.classifier
assert lang3.scope == 'compile'
assert lang3.target == 'layer:greeting-function'
assert lang3.zipEntry == 'java/lib/commons-lang3-3.14.0.jar'
assert lang3.dependencyPath.size() >= 2
assert lang3.dependencyPath[-2..-1] == ['org.apache.commons:commons-text:1.12.0', 'org.apache.commons:commons-lang3:3.14.0']
assert lang3.signed == false
File lang3Original = support.repoFile('org.apache.commons', 'commons-lang3', '3.14.0')
assert lang3.originalBytes == lang3Original.length()
byte[] lang3Final = support.entryBytes(layerZip, lang3.zipEntry)
assert lang3.finalBytes == lang3Final.length
assert lang3.finalBytes < lang3.originalBytes: 'META-INF/maven/** is stripped'
assert !lang3.removed.isEmpty()
assert lang3.removed.every { it.reason instanceof String && it.entries > 0 && it.bytes >= 0 }
List<String> lang3Entries = support.nestedEntryNames(lang3Final)
assert !lang3Entries.any { it.startsWith('META-INF/maven/') }
assert lang3Entries.containsAll(['META-INF/MANIFEST.MF', 'META-INF/LICENSE.txt', 'META-INF/NOTICE.txt',
                                 'META-INF/versions/9/module-info.class', 'org/apache/commons/lang3/StringUtils.class'])
// what was kept is unchanged
Map<String, byte[]> originalContents = support.nestedEntryContents(lang3Original.bytes)
Map<String, byte[]> finalContents = support.nestedEntryContents(lang3Final)
finalContents.each { name, bytes -> assert Arrays.equals(bytes, originalContents[name]): "entry ${name} changed" }
assert originalContents.keySet().findAll { !it.endsWith('/') && !it.startsWith('META-INF/maven/') } ==
        finalContents.keySet().findAll { !it.endsWith('/') }

Map slf4j = support.jar(m, 'org.slf4j', 'slf4j-api')
assert slf4j.scope == 'runtime'
assert slf4j.target == 'layer:greeting-function'
assert slf4j.dependencyPath[-1] == 'org.slf4j:slf4j-api:2.0.16'

Map lib = support.jar(m, 'dev.lambdadeploy.it.layout', 'greeting-lib')
assert lib.version == '1.0-SNAPSHOT'
assert lib.target == 'function'
assert lib.zipEntry == 'lib/greeting-lib-1.0-SNAPSHOT.jar'
assert lib.finalBytes == support.entryBytes(fnZip, lib.zipEntry).length

// ---- attached with classifiers and installed by `install`
File installedFn = support.repoFile('dev.lambdadeploy.it.layout', 'greeting-function', '1.0-SNAPSHOT', 'lambda-function', 'zip')
File installedLayer = support.repoFile('dev.lambdadeploy.it.layout', 'greeting-function', '1.0-SNAPSHOT',
        'lambda-layer-greeting-function', 'zip')
assert installedFn.isFile(): "missing ${installedFn}"
assert installedLayer.isFile(): "missing ${installedLayer}"
assert installedFn.bytes == fnZip.bytes
assert installedLayer.bytes == layerZip.bytes
assert !new File(support.basedir, 'greeting-lib/target/lambda').exists(): 'the plugin is not configured in greeting-lib'

// ---- console summary: every zip with its CodeSha256
String summary = support.packageExecutionLines('greeting-function').join('\n')
assert summary.contains(m.function.codeSha256)
assert summary.contains(layerRec.codeSha256)
assert summary.contains('greeting-function')
// No budget is configured: the size report's legend must not show one (checked in headless Chromium's DOM)
browser = evaluate(new File(new File(itSupport).parentFile, 'browser.groovy'))
String dom = browser.dumpDom(new File(lambda, 'size-report.html'), new File(basedir, 'target/browser'))
assert dom =~ /data-report-ready="\d+"/: 'the report script did not run'
assert dom.contains('</i>AWS limit</span>') && !dom.contains('your budget')
return true
