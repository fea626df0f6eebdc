// After the unknown goal name (3).
support = evaluate(new File(itSupport))
assert support.invocationLogs().size() == 3: 'an invocation did not run: an earlier check failed, see above'
String log = support.invocationLogs()[2]
assert log.contains('BUILD FAILURE'): support.tail(log)
assert log.contains("<iamGoals> (lambda.iam.goals): unknown goal 'publish'. Use any of deploy, status, rollback, prune"): support.tail(log)
return true
