// lambda:analyze: static reachability, probe, reconciliation, recommendations, JSON + HTML (checked in Chromium).
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO

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
assert http.action.contains('<artifactId>netty-nio-client</artifactId>')
assert a.recommendations.find { it.id == 'remove-unused-jars' }.action == 'remove the <dependency> commons-io:commons-io from the POM'
List measured = a.recommendations.findAll { it.measuredMs != null }*.measuredMs
assert measured == measured.sort(false).reverse(): 'ranked by measured impact'

// Console summary.
assert log.contains('UNUSED        opt/java/lib/commons-io-2.18.0.jar')
assert log =~ /Cold start of com\.example\.analyze\.BucketHandler \(median of 1 run\(s\), 512 MB\): JVM start \d+ ms/

// The HTML report in a real headless Chromium: scripts ran, charts have a rendered size, colours are painted.
File html = new File(lambda, 'analysis.html')
String chromium = ['chromium', 'chromium-browser', 'google-chrome'].collect { b ->
    def w = ['bash', '-c', "command -v ${b}"].execute(); w.waitFor(); w.text.trim() }.find { it }
if (!chromium) {
    def inst = ['bash', '-c', 'flock /tmp/lambda-deploy-chromium.lock apt-get install -y -qq --no-install-recommends chromium'].execute()
    inst.waitForProcessOutput(System.out, System.err)
    chromium = 'chromium'
}
File work = new File(basedir, 'target/chromium')
work.mkdirs()
def browse = { List<String> extra ->
    List<String> cmd = [chromium, '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                        '--no-first-run', "--user-data-dir=${new File(work, 'profile')}".toString()] + extra + [html.toURI().toString()]
    Process pr = new ProcessBuilder(cmd).directory(work).start()
    pr.outputStream.close()
    StringBuffer out = new StringBuffer(), err = new StringBuffer()
    pr.consumeProcessOutput(out, err)
    assert pr.waitFor(120, TimeUnit.SECONDS) && pr.exitValue() == 0: "chromium failed: ${err}"
    out.toString()
}
String dom = browse(['--virtual-time-budget=2000', '--dump-dom'])
def check = (dom =~ /data-render-check="bars=(\d+);visible=(\d+);charts=(\d+)"/)
assert check.find(): "render check missing in the DOM:\n${dom.take(400)}"
int bars = check.group(1) as int
assert bars == a.units.size() + p.timeline.size()
assert check.group(2) as int == bars: 'every bar has a rendered size'
assert check.group(3) as int == 2
File png = new File(work, 'analysis.png')
browse(['--window-size=1000,3000', "--screenshot=${png}".toString(), '--hide-scrollbars'])
def img = ImageIO.read(png)
int red = 0
for (int y = 0; y < img.height; y++) {
    for (int x = 0; x < img.width; x++) {
        int c = img.getRGB(x, y)
        if (Math.abs(((c >> 16) & 0xff) - 0xe1) < 8 && Math.abs(((c >> 8) & 0xff) - 0x57) < 8 && Math.abs((c & 0xff) - 0x59) < 8) red++
    }
}
assert red > 20: 'the unused jar is painted red in the per-jar chart'
return true
