import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
String log = support.buildLog()
assert log.contains('[INFO] BUILD SUCCESS')

// The console table: every budget with its status
assert log =~ /\[INFO\] Size: [\d.]+ MiB unzipped \(function \+ 2 layers\) of Lambda's 250\.0 MiB; [\d.]+ MiB zipped/
assert log =~ /\[INFO\]   function-zipped\s+ERROR\s+function\.zip\s+[\d.]+ (?:B|KiB)\s+1\.0 MiB\s+ok/
assert log =~ /\[INFO\]   layer-count\s+ERROR\s+layers \(1 built, 1 external\)\s+2\s+2\s+ok/
assert log =~ /\[INFO\]   image-size\s+ERROR\s+container image\s+n\/a\s+1\.5 GiB\s+n\/a/
assert log =~ /\[INFO\]   growth\s+WARN\s+function \+ all layers, unzipped\s+n\/a\s+\+5%\s+n\/a \(no baseline/
assert log =~ /\[INFO\]   aws:direct-upload\s+WARN\s+layer budget-pass\s+51\.\d MiB\s+50\.0 MiB\s+WARNING/
assert log.contains('[INFO] Size report: target/lambda/size-report.html (and target/lambda/size-report.json)')

// Only the direct-upload limit: a warning that steers to S3 first, the build goes on
assert log =~ /\[WARNING\] AWS limit aws:direct-upload: layer budget-pass is 51\.\d MiB \([\d,]+ bytes\), over the limit of 50\.0 MiB \(52,428,800 bytes\) by /
assert log.contains('RequestEntityTooLargeException')
assert log.contains('[WARNING]     1. Upload layer budget-pass through S3 instead of in the request: S3 lifts the 50 MB direct-upload limit')
assert log.contains('mvn package lambda:deploy -Dlambda.deploy.mode=s3')
assert log.contains('dev.lambdadeploy.it.big:big-data:1.0: 51.0 MiB zipped, 51.0 MiB unzipped')

Map report = (Map) new JsonSlurper().parse(new File(support.lambdaDir(), 'size-report.json'))
assert report.violations*.budget == ['aws:direct-upload']
assert report.violations[0].level == 'WARN'
assert report.violations[0].fixes[0].kind == 's3-upload'
assert report.budgets.findAll { it.source == 'pom' }*.status == ['ok', 'ok', 'ok', 'ok', 'not-evaluated', 'not-evaluated']
assert report.zips*.kind == ['function', 'layer', 'external-layer']
assert report.totals.layerCount == 2
assert report.totals.unzippedBytes == report.zips.sum { it.unzippedBytes }
assert report.contents[0].key == 'dev.lambdadeploy.it.big:big-data'
String html = new File(support.lambdaDir(), 'size-report.html').getText('UTF-8')
assert html.contains('class="verdict warn">1 warning')

// GitHub step summary
File summary = new File(basedir, 'target/step-summary.md')
assert summary.isFile(): 'GITHUB_STEP_SUMMARY was set, the Markdown summary must be appended there'
String md = summary.getText('UTF-8')
assert md.startsWith('### Lambda package size: budget-pass 1.0 \u2014 :warning: 1 warning(s)')
assert md.contains('| layer budget-pass | 2 |')
assert md.contains('| external layer otel-java:7 | 0 | ? | 12.0 MiB |')
assert md.contains('| aws:direct-upload | WARN | layer budget-pass |')
assert md.contains('```sh\n   mvn package lambda:deploy -Dlambda.deploy.mode=s3\n   ```')
return true
