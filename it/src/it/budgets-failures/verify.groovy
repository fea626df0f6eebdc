import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
browser = evaluate(new File(new File(itSupport).parentFile, 'browser.groovy'))

List<String> logs = support.invocationLogs()
assert logs.size() == 9: "expected 9 Maven invocations (see invoker.properties), got ${logs.size()}"
def (functionZipped, layerZipped, totalUnzipped, layerCount, awsTotal, awsLayerCount, badSize, badExternal, all) = logs

String exclusionOf(String artifactId) {
    "<exclusion>\n<groupId>software.amazon.awssdk</groupId>\n<artifactId>${artifactId}</artifactId>\n</exclusion>"
}

/** The log lines of one invocation without the "[ERROR] " / "[WARNING] " prefixes and indentation, as one text. */
String plain(String log) {
    log.readLines().collect { it.replaceFirst(/^\[(ERROR|WARNING|INFO)\] ?/, '').trim() }.join('\n')
}

// Every invocation printed the summary table and wrote the reports before failing.
logs[0..5].each { String log ->
    assert log.contains('Size report: target/lambda/size-report.html'): support.tail(log)
    assert log =~ /aws:total-unzipped\s+ERROR\s+function \+ \d layers?/
}

// function-zipped: actual vs limit in bytes and units, the biggest jars with their dependency path, move them to a layer
support.assertPackageFailure(['1 Lambda size budget is broken',
        'budget function-zipped: function.zip is ', 'over the limit of 1.0 KiB (1,024 bytes)',
        "into their own layer 'httpcomponents'"], functionZipped)
assert plain(functionZipped).contains('1. org.apache.httpcomponents:httpclient:4.5.13: ')
assert plain(functionZipped).contains('via budget-app \u2192 software.amazon.awssdk:s3 \u2192 software.amazon.awssdk:apache-client'
        + ' \u2192 org.apache.httpcomponents:httpclient')
assert plain(functionZipped).contains('<include>org.apache.httpcomponents:*</include>')


// layer-zipped: the exclusion to paste into the s3 dependency, which also drops the netty jars
support.assertPackageFailure(['budget layer-zipped[aws-sdk]: layer aws-sdk is ',
        'over the limit of 1.0 MiB (1,048,576 bytes)'], layerZipped)
String lz = plain(layerZipped)
assert lz.contains('Exclude software.amazon.awssdk:netty-nio-client (budget-app \u2192 software.amazon.awssdk:s3 \u2192'
        + ' software.amazon.awssdk:netty-nio-client) if your code does not need it at runtime'): lz
assert lz.contains('Paste into the <dependency> on software.amazon.awssdk:s3:')
assert lz.contains(exclusionOf('netty-nio-client'))


// total-unzipped: ranked exclusions, the biggest saving first
support.assertPackageFailure(['budget total-unzipped: function + 1 layer is ', 'over the limit of 1.5 MiB (1,572,864 bytes)'],
        totalUnzipped)
String tu = plain(totalUnzipped)
assert tu.indexOf('1. Exclude software.amazon.awssdk:netty-nio-client') >= 0: tu
assert tu.indexOf('2. Exclude software.amazon.awssdk:apache-client') > tu.indexOf('1. Exclude software.amazon.awssdk:netty-nio-client')

// layer-count (user budget): the external layer counts
support.assertPackageFailure(['budget layer-count: layers (1 built, 1 external) is 2 layers, over the limit of 1 layer by 1.'],
        layerCount)
assert plain(layerCount).contains('external layer otel-java:7: 30.0 MiB unzipped')
assert plain(layerCount).contains('attach fewer <externalLayers>')

// AWS 262,144,000 bytes, reached through a declared external layer: AWS's own error text and the container image first
support.assertPackageFailure(['AWS limit aws:total-unzipped: function + 2 layers is ',
        'over the limit of 250.0 MiB (262,144,000 bytes)',
        'Function code combined with layers exceeds the maximum allowed size of 262144000 bytes',
        'best fix: Deploy as a container image'], awsTotal)
assert plain(awsTotal).contains('1. Deploy as a container image (up to 10 GB, no layers).')
assert plain(awsTotal).contains('lambda.deploy.mode=image')

// AWS: at most 5 layers
support.assertPackageFailure(['AWS limit aws:layer-count: layers (1 built, 5 external) is 6 layers, over the limit of 5 layers by 1.'],
        awsLayerCount)
assert plain(awsLayerCount).contains('Deploy as a container image')

// Bad sizes name the element and say how to write one
support.assertPackageFailure(["<budgets><budget>[1]<max>: unknown unit 'MBs' in '50MBs'", 'e.g. 50MB, 50 MiB, 1.5GB'], badSize)
support.assertPackageFailure(["<externalLayers><externalLayer>[1]<unzippedSize>: size '-1' is negative"], badExternal)

// All violations of one build are reported, then it fails once; WARN budgets do not count towards the failure.
support.assertPackageFailure(['5 Lambda size budgets are broken', 'budget function-zipped', 'budget layer-zipped[aws-sdk]',
        'budget function-unzipped: function.zip is ', 'over the limit of 1.0 KiB (1,024 bytes)',
        'budget layer-unzipped: layer aws-sdk is ', 'over the limit of 1.0 MiB (1,048,576 bytes)', 'budget layer-count'], all)
assert all.contains('[WARNING] budget total-unzipped: function + 2 layers is ')
assert all.count('[ERROR] Failed to execute goal dev.lambdadeploy') == 1: 'one failure for all violations'

// The reports of that last build
File lambdaDir = support.lambdaDir()
Map report = (Map) new JsonSlurper().parse(new File(lambdaDir, 'size-report.json'))
assert report.violations*.budget == ['function-zipped', 'function-unzipped', 'layer-zipped[aws-sdk]', 'layer-unzipped',
        'total-unzipped', 'layer-count']
assert report.violations*.level == ['ERROR', 'ERROR', 'ERROR', 'ERROR', 'WARN', 'ERROR']
Map netty = report.contents.find { it.key == 'software.amazon.awssdk:netty-nio-client' }
assert netty.dependencyPathText == 'budget-app \u2192 software.amazon.awssdk:s3 \u2192 software.amazon.awssdk:netty-nio-client'
assert netty.zip == 'layer:aws-sdk'

// ... and the HTML report in a real browser: the DOM after scripts ran, and a screenshot with the chart colors.
File html = new File(lambdaDir, 'size-report.html')
String source = html.getText('UTF-8')
assert !(source =~ /(?:src|href)\s*=\s*["']?(?:https?:)?\/\//): 'the report must not load anything from the network'
File work = new File(basedir, 'target/browser')
String dom = browser.dumpDom(html, work)
def ready = dom =~ /data-report-ready="(\d+)"/
assert ready.find(): "the report's script did not run in Chromium:\n${dom.take(2000)}"
int bars = ready.group(1) as int
assert bars >= report.zips.size() + 5: "expected bars for every zip and the largest dependencies, got ${bars}"
assert dom.contains('<svg id="chart-total"') && dom.contains('<svg id="chart-zips"') && dom.contains('<svg id="chart-deps"')
assert (dom =~ /<article class="violation error">/).count == 5
assert (dom =~ /<article class="violation warning">/).count == 1
assert dom.contains('&lt;artifactId&gt;netty-nio-client&lt;/artifactId&gt;')
// the zip column keeps 'layer:aws-sdk' on one line (the page's script counts zip names laid out on several lines)
def wrapped = dom =~ /data-wrapped-zip-cells="(\d+)"/
assert wrapped.find() && wrapped.group(1) == '0': "zip names wrapped in the contents table: ${wrapped.find() ? wrapped.group(1) : 'no check'}"
assert dom.contains('<td class="z"><span><i class="sw" style="background:#059669"></i>layer:aws-sdk</span></td>')
// budgets are configured and drawn, so the legend names them
assert dom.contains('</i>your budget</span>')
// 'Largest dependencies': each bar is its share of Lambda's 250 MiB, the full grey track being the limit
String deps = dom.substring(dom.indexOf('<svg id="chart-deps"'), dom.indexOf('</svg>', dom.indexOf('<svg id="chart-deps"')))
def barShares = (deps =~ /<rect class="bar" x="\d+" y="\d+" width="([\d.]+)" height="16" fill="[^"]+" data-share="([\d.]+)">/)
def trackWidth = ((deps =~ /<rect class="track" x="\d+" y="\d+" width="(\d+)"/)[0][1]) as double
assert barShares.count >= 5
barShares.each { m -> assert Math.abs((m[1] as double) - Math.max(0.5, (m[2] as double) * trackWidth)) < 0.06: "bar ${m[0]} is not its share of the limit" }

def img = browser.screenshot(html, new File(work, 'size-report.png'), 1200, 1600)
assert img.width == 1200 && img.height == 1600
assert browser.distinctColors(img) > 50: 'the screenshot looks blank'
Map<String, Integer> pixels = browser.countColors(img, [
        function     : '#2563eb',  // function.zip in the charts
        firstLayer   : '#059669',  // layer aws-sdk
        externalLayer: '#9ca3af',  // external layer otel-java
        awsLimit     : '#dc2626',  // AWS limit lines and the "budgets broken" banner
        budget       : '#ea580c',  // the user's budget lines
])
println "size-report.png color pixels: ${pixels}"
pixels.each { name, n -> assert n > 100: "too few ${name} pixels in the screenshot (${n}): ${pixels}" }
return true
