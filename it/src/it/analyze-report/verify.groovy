// lambda:analyze: static reachability, probe, reconciliation, recommendations, JSON + HTML (checked in Chromium).
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
String log = support.buildLog()
assert log.contains('BUILD SUCCESS')
File lambda = support.lambdaDir()
Map a = new JsonSlurper().parse(new File(lambda, 'analysis.json'))
assert a.schemaVersion == 1
assert a.handler == 'com.example.analyze.BucketHandler'

def unit = { String artifactId -> a.units.find { it.coordinates?.contains(":${artifactId}:") } }
def status = { String artifactId -> unit(artifactId)?.status }

// Unused: never referenced, nothing loaded; the fix names the POM change.
assert status('commons-io') == 'unused'
assert unit('commons-io').fix == 'remove the <dependency> commons-io:commons-io from the POM'
assert unit('commons-io').reachedClasses == 0 && unit('commons-io').loadedClasses == 0

// The SDK finds its HTTP client through META-INF/services (SdkHttpService): never "unused"; the probe loaded it.
assert status('url-connection-client') == 'used'
assert unit('url-connection-client').loadedClasses > 0
assert unit('url-connection-client').reachedVia.contains('software.amazon.awssdk.http.SdkHttpService')
// netty (async) is reachable from the SDK's client builder code, but this sync handler never loads it
assert status('netty-nio-client') == 'static-only'
assert unit('netty-nio-client').loadedClasses == 0
assert !a.units.findAll { it.status == 'unused' }.any { it.coordinates.startsWith('software.amazon.awssdk:') }

// Computed reflection: invisible statically, seen by the probe.
assert status('commons-text') == 'dynamic-only'
// Plainly used jars, with the path that reaches them.
assert status('s3') == 'used'
assert unit('s3').reachedVia[0] == 'com.example.analyze.BucketHandler'
assert a.units.find { it.status == 'function' }.label == 'function classes (task/)'

// Probe medians and the timeline.
Map p = a.probe
assert p.runs == 1
assert p.jvmStartMs > 0 && p.initMs > p.jvmStartMs && p.firstInvokeMs > 0
assert p.timeline*.name == ['JVM start', 'handler class load + static init', 'handler instance + serializers',
                            'first invoke', 'second invoke']
assert p.response == '"ready for Reports via s3"'
assert p.classesBySource['JDK'] > 0 && p.classesBySource['Lambda runtime'] > 0
assert p.withoutUnusedJars.outcome == 'ok' && p.withoutUnusedJars.removed == ['opt/java/lib/commons-io-2.18.0.jar']
assert p.withoutUnusedJars.initMs > 0 && p.withoutUnusedJars.baselineInitMs > 0
assert p.jitComparison.change.contains('TieredStopAtLevel=4') && p.jitComparison.outcome == 'ok'

// Recommendations, ranked 1..n.
List ids = a.recommendations*.id
assert a.recommendations*.rank == (1..ids.size()).toList()
assert ids.containsAll(['remove-unused-jars', 'one-http-client', 'tiered-stop-at-level-1', 'snapstart', 'memory'])
Map http = a.recommendations.find { it.id == 'one-http-client' }
assert http.title.contains('url-connection-client')
assert http.action.contains('netty-nio-client')
// every jar the actions take out, one POM change per direct dependency (one <exclusions> block each)
assert a.pomChanges*.dependency == a.pomChanges*.dependency.unique(false)
assert a.pomChanges.any { it.change == 'remove' && it.dependency == 'commons-io:commons-io' }
assert a.pomChanges.findAll { it.change == 'exclude' }.every { (it.xml =~ /<exclusions>/).count == 1 }
assert a.pomChanges.any { (it.exclusions ?: []).contains('software.amazon.awssdk:netty-nio-client') } ||
        a.pomChanges.any { it.change == 'remove' && it.dependency == 'software.amazon.awssdk:netty-nio-client' }
// java21 already runs C1-only: a finding to keep, not a JAVA_TOOL_OPTIONS "for java11 only" to set
Map jit = a.recommendations.find { it.id == 'tiered-stop-at-level-1' }
assert jit.kind == 'keep' && jit.action == null && !jit.title.contains('java11')
assert a.recommendations.findAll { it.kind == 'keep' }*.rank.every { int k -> a.recommendations.findAll { it.kind == 'action' }*.rank.every { it < k } }
assert a.recommendations.find { it.id == 'remove-unused-jars' }.action == 'remove the <dependency> commons-io:commons-io from the POM'
List measured = a.recommendations.findAll { it.kind == 'action' && it.measuredMs != null }*.measuredMs
assert measured == measured.sort(false).reverse(): 'ranked by measured impact'

// Console summary.
assert log =~ /\n\[INFO\]   commons-io-2\.18\.0\.jar +unused +\S+ \S+ +0\/\d+ +\d+ ms/
String summary = log.substring(log.indexOf('Cold start of'))
assert !(summary =~ /\[INFO\] .{300}/): 'no console line of hundreds of characters'
assert log =~ /Cold start of com\.example\.analyze\.BucketHandler \(median of 1 run\(s\) without class-load logging, 512 MB\):/
assert log =~ /JVM start \d+ ms -> handler class ready \d+ ms -> init done at \d+ ms/
assert log.contains('Keep as is:')

// The HTML report in a real headless Chromium (shared helper; installs Chromium when missing): scripts ran, every
// chart bar has a rendered size, and the colours are painted.
browser = evaluate(new File(new File(itSupport).parentFile, 'browser.groovy'))
File html = new File(lambda, 'analysis.html')
File work = new File(basedir, 'target/chromium')
String dom = browser.dumpDom(html, work)
def check = (dom =~ /data-render-check="bars=(\d+);visible=(\d+);charts=(\d+)"/)
assert check.find(): "render check missing in the DOM:\n${dom.take(400)}"
int bars = check.group(1) as int
assert bars == a.units.size() + p.timeline.size()
assert check.group(2) as int == bars: 'every bar has a rendered size'
assert check.group(3) as int == 2
assert dom.contains('<li class="rec action" data-id="remove-unused-jars">')
assert dom.contains('<ul id="keep"><li class="rec keep"'): 'keep findings apart from the actions'
assert dom.contains('<div id="pom-changes">')
def img = browser.screenshot(html, new File(work, 'analysis.png'), 1000, 3000)
assert browser.distinctColors(img) > 20: 'the screenshot looks blank'
Map<String, Integer> pixels = browser.countColors(img, [unused: '#e15759', used: '#59a14f', jvmStart: '#8da0cb'], 6)
assert pixels.unused > 20: "the unused jar is painted red in the per-jar chart: ${pixels}"
assert pixels.used > 200 && pixels.jvmStart > 50: "${pixels}"
return true
