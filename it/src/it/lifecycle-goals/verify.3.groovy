// failOnDrift: the build fails and names the drift; nothing was deployed.
support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.invocationLogs()[2]
assert log.contains('BUILD FAILURE'): support.tail(log)
assert log.contains('drift: code: deployed CodeSha256 ' + new File(basedir, 'code-v2.txt').text): support.tail(log)
assert log.contains('lambda:status found drift between the deployed functions and the local package'): support.tail(log)
assert aws.function('it-goals-fn').codeSha256() == new File(basedir, 'code-v2.txt').text
return true
