support = evaluate(new File(itSupport))
String failure = support.assertPackageFailure(['org.slf4j:slf4j-api:2.0.16:jar:too-many', 'include'])
assert !new File(basedir, 'target/lambda/function.zip').exists()
return true
