import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))

List<String> logs = support.invocationLogs()
assert logs.size() == 4
def (release1, grown, notFailing, skipped) = logs

// 1: release 1 wrote its report where -Dlambda.outputDirectory said
assert release1.contains('[INFO] BUILD SUCCESS')
File baselineFile = new File(basedir, 'target/release-1/size-report.json')
Map before = (Map) new JsonSlurper().parse(baselineFile)
assert before.contents*.key.contains('org.slf4j:slf4j-api')
assert before.baseline == null

// 2: against release 1: what appeared and grew, and the growth budget breaks naming the new jars and the exclusion
support.assertPackageFailure(['1 Lambda size budget is broken',
        'budget growth: function + all layers, unzipped is +', 'over the limit of 10%.'], grown)
assert grown =~ /Since baseline \S*target\/release-1\/size-report\.json: \+[\d.]+ KiB unzipped \([\d.]+ KiB -> [\d.]+ KiB\); 1 grew, 0 shrank, 2 appeared, 0 vanished/
assert grown =~ /\[INFO\]   appeared  org\.apache\.commons:commons-lang3\s+\+[\d.]+ KiB/
assert grown =~ /\[INFO\]   grew      layer baseline-app\s+\+[\d.]+ KiB/
assert grown.contains('1. org.apache.commons:commons-lang3:3.14.0: ')
assert grown.contains('via baseline-app \u2192 org.apache.commons:commons-text \u2192 org.apache.commons:commons-lang3 (appeared, +')
assert grown.contains('1. Exclude org.apache.commons:commons-lang3 (baseline-app \u2192 org.apache.commons:commons-text \u2192'
        + ' org.apache.commons:commons-lang3)')
assert grown.contains('Paste into the <dependency> on org.apache.commons:commons-text:')
// the WARN growth budget in bytes is reported but does not count towards the failure
assert grown.contains('[WARNING] budget growth[baseline-app]: layer baseline-app, unzipped is +')
assert grown.contains('over the limit of 100.0 KiB (102,400 bytes)')

// 3: same, with failOnViolation=false: reported, not failed; the JSON has the diff
assert notFailing.contains('[WARNING] 1 Lambda size budget is broken, but lambda.budgets.failOnViolation=false')
assert notFailing.contains('[INFO] BUILD SUCCESS')
Map after = (Map) new JsonSlurper().parse(new File(support.lambdaDir(), 'size-report.json'))
Map diff = after.baseline
assert diff.file.endsWith('size-report.json')
assert diff.totalUnzippedBefore == before.totals.unzippedBytes
assert diff.deltaBytes == diff.totalUnzippedNow - diff.totalUnzippedBefore && diff.deltaBytes > 0
Map lang3 = diff.changes.find { it.name == 'org.apache.commons:commons-lang3' }
assert lang3.change == 'appeared' && lang3.beforeBytes == null && lang3.afterBytes == lang3.deltaBytes
assert diff.changes.find { it.name == 'layer baseline-app' }.change == 'grew'
assert !diff.changes.any { it.name == 'org.slf4j:slf4j-api' }: 'unchanged jars are not listed'
assert after.violations*.budget == ['growth', 'growth[baseline-app]']
String html = new File(support.lambdaDir(), 'size-report.html').getText('UTF-8')
assert html.contains('<section id="baseline"><h2>Since baseline</h2>')
assert html.contains('<tr class="appeared"><td>appeared</td><td>org.apache.commons:commons-lang3')

// 4: budgets skipped: no check, still the reports
assert skipped.contains("[INFO] Budgets: skipped (lambda.budgets.skip=true); Lambda's limits were not checked.")
assert skipped.contains('[INFO] BUILD SUCCESS')
assert !skipped.contains('budget growth')
Map skippedReport = (Map) new JsonSlurper().parse(new File(basedir, 'target/skipped/size-report.json'))
assert skippedReport.budgetsSkipped == true && skippedReport.violations.isEmpty()
return true
