// Lay the zips out as Lambda does (/opt from the layer, /var/task from function.zip) and run the handler.
support = evaluate(new File(itSupport))

File lambda = support.lambdaDir('hello-function')
Map m = support.manifest('hello-function')
File run = new File(basedir, 'target/run')
run.deleteDir()
File opt = new File(run, 'opt')
File task = new File(run, 'task')
m.layers.each { support.unzip(new File(lambda, it.path), opt) }
support.unzip(new File(lambda, m.function.path), task)

String java = new File(System.getProperty('java.home'), 'bin/java').path
String out = support.run(run, [java, '-Xshare:auto', '-XX:TieredStopAtLevel=1', '-cp', 'task:task/lib/*:opt/java/lib/*',
                               new File(basedir, 'Launcher.java').path, 'com.example.hello.HelloHandler', 'name=lambda world'],
                         ['JAVA_TOOL_OPTIONS': '', 'CLASSPATH': ''])
println out
List<String> lines = out.readLines()
assert lines.contains('RESULT: Hello, Lambda World! (v1 from hello-fn)')
String runDir = run.canonicalFile.toURI().toString()
def from = { String cls -> lines.find { it.startsWith("FROM ${cls} ") }?.split(' ', 3)?.getAt(2) }
assert from('com.example.hello.HelloHandler') == runDir + 'task/'
assert from('com.example.hello.lib.Greeter') == runDir + 'task/lib/hello-lib-1.0-SNAPSHOT.jar'
assert from('org.apache.commons.text.WordUtils') == runDir + 'opt/java/lib/commons-text-1.12.0.jar'
assert from('org.apache.commons.lang3.StringUtils') == runDir + 'opt/java/lib/commons-lang3-3.14.0.jar'
assert from('com.amazonaws.services.lambda.runtime.RequestHandler') == runDir + 'opt/java/lib/aws-lambda-java-core-1.2.3.jar'
return true
