support = evaluate(new File(itSupport))
assert support.buildLog().contains('BUILD SUCCESS')
assert support.packageExecuted('pom-only'): 'lambda:package must be bound (and then skip)'
List<String> lines = support.packageExecutionLines('pom-only')
assert lines.any { it.contains('skipped') }: "lambda:package must log that it skipped the pom module, it logged:\n${lines.join('\n')}"
assert !new File(basedir, 'target/lambda').exists()
return true
