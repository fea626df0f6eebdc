support = evaluate(new File(itSupport))
List<String> logs = support.invocationLogs()
assert logs.size() == 2: 'expected two Maven invocations in build.log'
// 1: -Dlambda.architecture=sparc   2: <architecture>mips</architecture>
List cases = [[logs[0], 'sparc'], [logs[1], 'mips']]
cases.each { String part, String arch ->
    String errors = support.assertPackageFailure([arch, 'x86_64', 'arm64'], part)
    assert errors.contains('<architecture>') || errors.contains('lambda.architecture'):
            "must name <architecture> / lambda.architecture:\n${errors}"
}
assert !new File(basedir, 'target/lambda/function.zip').exists()
return true
