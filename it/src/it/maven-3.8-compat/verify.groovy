support = evaluate(new File(itSupport))
String log = support.buildLog()
assert log =~ /Apache Maven 3\.8\.\d/: 'this IT must run on Maven 3.8.x'
assert log.contains('BUILD SUCCESS')
assert support.packageExecuted('compat-function')

File lambda = support.lambdaDir()
Map m = support.manifest()
File fnZip = support.checkZipRecord(m.function, lambda)
File layerZip = support.checkZipRecord(support.layer(m, 'commons'), lambda)
assert support.fileEntryNames(layerZip) as Set == ['java/lib/commons-text-1.12.0.jar', 'java/lib/commons-lang3-3.14.0.jar'] as Set
assert m.function.jars == ['lib/aws-lambda-java-core-1.2.3.jar']
assert support.fileEntryNames(fnZip).contains('com/example/compat/Handler.class')
assert support.jar(m, 'org.apache.commons', 'commons-lang3').dependencyPath[-2..-1] ==
        ['org.apache.commons:commons-text:1.12.0', 'org.apache.commons:commons-lang3:3.14.0']

assert support.repoFile('dev.lambdadeploy.it.compat', 'compat-function', '1.0', 'lambda-function', 'zip').bytes == fnZip.bytes
assert support.repoFile('dev.lambdadeploy.it.compat', 'compat-function', '1.0', 'lambda-layer-commons', 'zip').bytes == layerZip.bytes
// lambda:iam-policy ran on Maven 3.8 with the AWS SDK added to the plugin's realm (it is not a plugin dependency)
Map policy = (Map) new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda/iam-policy-by-goal.json'))
assert policy.deploy.Statement.any { it.Resource.toString().contains('arn:aws:lambda:eu-west-1:123456789012:function:compat-fn') }
return true
