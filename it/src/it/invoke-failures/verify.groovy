support = evaluate(new File(itSupport))
List<String> logs = support.invocationLogs()
assert logs.size() == 3

// 1: the handler throws: the build fails with the handler's exception and its frames, none of the shim's.
String thrown = logs[0]
assert thrown.contains('BUILD FAILURE')
assert thrown.contains('The handler com.example.fail.Checkout::handle threw java.lang.IllegalArgumentException: amount must not be negative: -5')
assert thrown.contains('at com.example.fail.Checkout.validate(Checkout.java:')
assert thrown.contains('at com.example.fail.Checkout.handle(Checkout.java:')
assert !thrown.contains('at dev.lambdadeploy.shim.'): 'the runtime shim must not show in the handler trace'

// 2: wrong package in the handler string: a message that says what was searched and what was meant.
String missing = logs[1]
assert missing.contains('BUILD FAILURE')
assert missing.contains("Handler class 'com.example.Checkout' was not found in the packaged function")
assert missing.contains('Did you mean com.example.fail.Checkout?')
assert missing.contains('-Dlambda.handler=')

// 3: no zips yet; this POM binds lambda:package to the package phase, so 'mvn package lambda:invoke' is the fix
String unpackaged = logs[2]
assert unpackaged.contains('BUILD FAILURE')
assert unpackaged.contains("lambda-package.json: the zips are built in the package phase; run 'mvn package lambda:invoke'.")
return true
