import java.util.zip.ZipFile
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Element

// Maven builds a plugin's class realm from the dependency graph of its installed POM, reading every POM in it, before
// any goal's first statement (BENCHMARKS.md, issue 18, sixth pass). The plugin's libraries are shaded into its jar, so
// the realm is that one jar: a second jar here means the dependency-reduced POM was not the one installed.
String log = new File(basedir, 'build.log').getText('UTF-8')
String header = "[DEBUG] Populating class realm plugin>dev.lambdadeploy:lambda-deploy-maven-plugin:${pluginVersion}"
int at = log.indexOf(header)
assert at >= 0 : "no '${header}' in build.log"
List<String> included = log.substring(at + header.length()).readLines().drop(1)
        .takeWhile { it.startsWith('[DEBUG]   Included: ') }
        .collect { it.substring('[DEBUG]   Included: '.length()).trim() }
assert included == ["dev.lambdadeploy:lambda-deploy-maven-plugin:jar:${pluginVersion}".toString()] : included

// And it ran: the zips and the manifest are there.
support = evaluate(new File(itSupport))
Map m = support.manifest()
support.checkZipRecord(m.function, support.lambdaDir())
assert support.layer(m, 'realm-function')

// The installed POM lists only what Maven provides and the test scope; the libraries are in the jar, relocated, so
// they cannot clash with other copies in the realm (AwsRuntime adds Jib's Jackson and Commons Compress for deploys).
File dir = new File(localRepositoryPath, "dev/lambdadeploy/lambda-deploy-maven-plugin/${pluginVersion}")
def pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(dir, "lambda-deploy-maven-plugin-${pluginVersion}.pom"))
String text(Element e, String tag) {
    def n = e.getElementsByTagName(tag)
    return n.length == 0 ? '' : n.item(0).textContent.trim()
}
List<String> runtime = []
def deps = pom.documentElement.getElementsByTagName('dependencies')
// the project's own <dependencies> (not those in <dependencyManagement> or a plugin's)
Element projectDeps = (0..<deps.length).collect { deps.item(it) as Element }
        .find { it.parentNode == pom.documentElement }
assert projectDeps != null
def all = projectDeps.getElementsByTagName('dependency')
for (int i = 0; i < all.length; i++) {
    Element e = all.item(i) as Element
    if (e.parentNode == projectDeps && !(text(e, 'scope') in ['provided', 'test'])) {
        runtime << "${text(e, 'groupId')}:${text(e, 'artifactId')}".toString()
    }
}
assert runtime == [] : runtime
new ZipFile(new File(dir, "lambda-deploy-maven-plugin-${pluginVersion}.jar")).withCloseable { jar ->
    List<String> names = jar.entries().collect { it.name }
    List<String> outside = names.findAll { it.endsWith('.class') && !it.startsWith('dev/lambdadeploy/') }
    assert outside == [] : outside.take(10)
    // and no class refers to a shaded library's classes under their own names (internal names, as class references
    // and descriptors have them): a missed relocation would fail only at run time
    def unrelocated = ~/(?<!shaded\/)(com\/fasterxml\/jackson\/|org\/apache\/commons\/(compress|io|lang3|codec)\/|org\/objectweb\/asm\/)/
    List<String> referring = jar.entries().findAll { it.name.endsWith('.class') }.findAll { entry ->
        String bytes = new String(jar.getInputStream(entry).bytes, 'ISO-8859-1')
        unrelocated.matcher(bytes).find()
    }.collect { it.name }
    assert referring == [] : referring.take(10)
    for (String shaded : ['dev/lambdadeploy/shaded/com/fasterxml/jackson/core/JsonFactory.class',
                          'dev/lambdadeploy/shaded/org/apache/commons/compress/archivers/zip/ZipArchiveOutputStream.class',
                          'dev/lambdadeploy/shaded/org/objectweb/asm/ClassReader.class']) {
        assert names.contains(shaded) : shaded
    }
    // the libraries' licenses and notices travel with them
    for (String legal : ['META-INF/LICENSE', 'META-INF/LICENSE.txt', 'META-INF/NOTICE', 'META-INF/THIRD-PARTY.txt']) {
        assert names.contains(legal) : legal
    }
    // the shim is not in the jar: it must stay a jar of its own, the invoke JVM's class path
    assert !names.any { it.startsWith('dev/lambdadeploy/shim/') }
}
return true
