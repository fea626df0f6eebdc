support = evaluate(new File(itSupport))
List<String> logs = support.invocationLogs()
assert logs.size() == 2: 'expected two Maven invocations in build.log'
support.assertPackageFailure(['dev.lambdadeploy.it.evil:dotdot-lib:1.0', '../../zip-slip-escaped.txt'], logs[0])
support.assertPackageFailure(['dev.lambdadeploy.it.evil:absolute-lib:1.0', '/tmp/zip-slip-absolute.txt'], logs[1])
// nothing was written outside
assert !new File(basedir, 'zip-slip-escaped.txt').exists()
assert !new File(basedir, 'target/zip-slip-escaped.txt').exists()
assert !new File(basedir.parentFile, 'zip-slip-escaped.txt').exists()
assert !new File('/tmp/zip-slip-absolute.txt').exists()
assert !new File(basedir, 'target/lambda/function.zip').exists()
return true
