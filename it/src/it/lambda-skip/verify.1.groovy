support = evaluate(new File(itSupport))
String log = support.invocationLogs()[0]
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/skip-function-1.0.jar').isFile(): 'the rest of the build ran'
assert !new File(basedir, 'target/lambda').exists(): '-Dlambda.skip=true must skip lambda:package'
List<String> lines = support.packageExecutionLines('skip-function', log)
assert lines.any { it.toLowerCase().contains('skip') }: "must log why it skipped, logged:\n${lines.join('\n')}"
return true
