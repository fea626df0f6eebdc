// Two -T 4 runs of a 6-module reactor that shares one layer: one publication, one version, one summary.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
List<String> runs = support.invocationLogs()
assert runs.size() == 3: 'a run did not happen: see build.log'
aws.assertNoSecrets(support.buildLog())
List<String> modules = ['orders', 'billing', 'shipping', 'invoices', 'refunds', 'reports']

// run 1: the layer's content is published once, and every function runs that one version
String first = runs[0]
assert first.contains('BUILD SUCCESS')
List versions = aws.layerVersions('it-fleet-shared-deps')
assert versions.size() == 1: "one layer content must give one layer version, got ${versions*.version}"
String arn = versions[0].arn
modules.each { m ->
    def fn = aws.function("it-fleet-${m}")
    assert fn.layers()*.arn() == [arn]: "it-fleet-${m} runs ${fn.layers()*.arn()}"
}
assert (first =~ /published layer it-fleet-shared-deps version 1/).size() == 1
assert (first =~ /was published in this build by/).size() == modules.size() - 1
// the reactor summary: one table with every function, at the end
assert (first =~ /Lambda deploy of the reactor: \d+ module\(s\)/).size() == 1
modules.each { m -> assert first =~ /(?m)^\[INFO\]\s+${m}\s+it-fleet-${m}\s+eu-west-1\s+created\s+it-fleet-shared-deps:1\b/ }
assert first.contains('6 function(s) in 6 module(s), 0 failed')

File reactorFile = new File(basedir, 'target/lambda/reactor-deploy-result.json')
assert reactorFile.isFile(): 'the aggregate result goes under the execution root target/lambda'
Map reactor = (Map) new JsonSlurper().parse(reactorFile)
// the third run has rewritten it: every module, one failed function, nothing uploaded
assert reactor.modules == 6 && reactor.functions == 6 && reactor.failedFunctions == 1
assert reactor.results*.module.sort() == modules.sort()
assert reactor.bytesUploaded == 0
Map failed = reactor.results.find { it.module == 'orders' }
assert failed.status == 'failed'
assert failed.result.regions[0].functions[0].name == 'it-fleet-missing'
assert failed.result.regions[0].functions[0].leftIn == 'unchanged'
modules.findAll { it != 'orders' }.each { m ->
    Map own = (Map) new JsonSlurper().parse(new File(basedir, "${m}/target/lambda/deploy-result.json"))
    assert own.regions[0].layers[0].layerVersionArn == arn
}

// run 2: unchanged, so nothing uploaded, nothing published, every function up to date
String second = runs[1]
assert second.contains('BUILD SUCCESS')
assert aws.layerVersions('it-fleet-shared-deps').size() == 1
assert !second.contains('published layer')
modules.each { m -> assert second =~ /(?m)^\[INFO\]\s+${m}\s+it-fleet-${m}\s+eu-west-1\s+up-to-date\s+it-fleet-shared-deps:1\b/ }
assert second.contains('6 function(s) in 6 module(s), 0 failed; 0 B uploaded')
// AWS calls of the unchanged fleet: one per function, plus a few per shared layer and region
def calls = (second =~ /0 failed; 0 B uploaded, (\d+) AWS call\(s\)/)
assert calls.find(): 'the summary of run 2 states its AWS calls'
assert (calls.group(1) as int) <= 6 + 4: "an unchanged redeploy of 6 functions made ${calls.group(1)} AWS calls"

// run 3: the missing function fails in its module; the five others are still deployed, and the build fails
// once, at its end, naming the function and the state it was left in
String third = runs[2]
assert third.contains('BUILD FAILURE')
modules.findAll { it != 'orders' }.each { m ->
    assert third =~ /(?m)^\[INFO\]\s+${m}\s+it-fleet-${m}\s+eu-west-1\s+up-to-date\s/
}
assert third =~ /(?m)^\[INFO\]\s+orders\s+it-fleet-missing\s+eu-west-1\s+FAILED\s/
assert third.contains('6 function(s) in 6 module(s), 1 failed')
assert third.contains('lambda:deploy failed for 1 function(s) or region(s); the 5 other function deploy(s) went through.')
assert third.contains('function it-fleet-missing in eu-west-1 (left unchanged): Function it-fleet-missing does not exist')
// orders deployed first: its failure waited for the others, which were all deployed, and failed the build at its end
assert third.indexOf('lambda:deploy of orders failed') < third.indexOf('Lambda deploy of the reactor')
assert (third =~ /\[ERROR\] lambda:deploy failed for/).size() == 1: 'the failure is reported once, at the end'
return true
