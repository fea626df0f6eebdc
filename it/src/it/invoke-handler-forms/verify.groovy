// Three handler forms, each run in its own fresh JVM by lambda:invoke after lambda:package.
import groovy.json.JsonSlurper

support = evaluate(new File(itSupport))
String log = support.buildLog()
assert log.contains('BUILD SUCCESS')

def responseOf = { String handler ->
    String line = log.readLines().find { it.contains("lambda:invoke ${handler}: JVM start") }
    assert line: "no timing line for ${handler}:\n${log}"
    assert line =~ /JVM start \d+ ms -> handler class ready \d+ ms -> init done at \d+ ms -> first invoke [\d.]+ ms -> second invoke [\d.]+ ms/
    int i = log.indexOf(line)
    String resp = log.substring(i).readLines().find { it.contains('  response: ') }
    resp.substring(resp.indexOf('  response: ') + 12)
}

// RequestHandler<Order, Receipt>: JSON in and out with the runtime's serialization rules; Context from the POM.
Map receipt = new JsonSlurper().parseText(responseOf('com.example.invoke.OrderHandler'))
assert receipt == [orderId: 'o-17', count: 3, shipping: 'express', function: 'invoke-forms', memory: 256]

// RequestStreamHandler: raw bytes.
assert responseOf('com.example.invoke.ReverseStreamHandler') == 'reversed:' + '{"word":"lambda"}'.reverse()

// Class::method with (String, Context): JSON string in, JSON string out; env, JAVA_TOOL_OPTIONS and the layer jar.
assert responseOf('com.example.invoke.Functions::greet') ==
        '"Hello, Ada Lovelace! [text from /opt/java/lib/commons-text-1.12.0.jar]"'
assert log.contains('[invoke-forms] greeting ada lovelace')
assert log.contains('Picked up JAVA_TOOL_OPTIONS: -Dgreeting.punctuation=!')

// The layout Lambda would build, and the machine-readable result of the last run.
File invoke = new File(basedir, 'target/lambda/invoke')
assert new File(invoke, 'opt/java/lib/commons-text-1.12.0.jar').isFile()
assert new File(invoke, 'task/com/example/invoke/Functions.class').isFile()
assert !new File(invoke, 'opt/java/lib/aws-lambda-java-core-1.2.3.jar').exists(): 'provided scope stays out of the zips'
Map result = new JsonSlurper().parse(new File(basedir, 'target/lambda/invoke-result.json'))
assert result.handler == 'com.example.invoke.Functions::greet'
assert result.outcome == 'ok'
assert result.responses.size() == 2
assert result.timingsMs.jvmStart > 0 && result.timingsMs.init >= result.timingsMs.jvmStart
assert result.timingsMs.invocations.size() == 2
return true
