// The realm had the AWS SDK's core (from the plugin's <dependencies>) before lambda:invoke started; the goal still
// added what lambda-deploy-aws brings, the invoke shim among it, instead of taking the SDK's core for all of it.
support = evaluate(new File(itSupport))
String log = support.buildLog()
assert log.contains('BUILD SUCCESS') : log
String line = log.readLines().find { it.contains('lambda:invoke com.example.extra.Echo::upper: JVM start') }
assert line : "no timing line for the handler:\n${log}"
String resp = log.substring(log.indexOf(line)).readLines().find { it.contains('  response: ') }
assert resp.substring(resp.indexOf('  response: ') + 12) == '"SHIM"'
return true
