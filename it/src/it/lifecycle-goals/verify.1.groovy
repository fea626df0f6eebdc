// After deploy v1: remember its code, change the handler for v2.
support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
assert support.buildLog().contains('BUILD SUCCESS')
new File(basedir, 'code-v1.txt').text = aws.function('it-goals-fn').codeSha256()
File src = new File(basedir, 'src/main/java/com/example/goals/Handler.java')
src.text = src.text.replace('"v1:"', '"v2:"')
return true
