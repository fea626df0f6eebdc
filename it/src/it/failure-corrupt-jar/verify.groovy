support = evaluate(new File(itSupport))
support.assertPackageFailure(['dev.lambdadeploy.it.corrupt:broken-lib:1.0'])
assert !new File(basedir, 'target/lambda/function.zip').exists()
return true
