support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
List<String> logs = support.invocationLogs()
assert logs.size() == 6: "expected six Maven invocations in build.log, got ${logs.size()}"
aws.assertNoSecrets(support.buildLog())

// 1: no manifest
support.assertGoalFailure('deploy', ['lambda-package.json does not exist', "Run 'mvn package lambda:deploy'"], logs[0])

// 2: missing function, no role: says how to create it; nothing was published
support.assertGoalFailure('deploy', ['Function it-failures-missing-fn does not exist in eu-west-1',
        'aws lambda create-function', '<role>'], logs[1])
assert aws.layerVersions('it-failures-deploy-failures').isEmpty(): 'nothing may be published when a function is missing'
// said once: the summary row has the first sentence, the fix is only in the goal's error
String beforeError = logs[1].substring(0, logs[1].indexOf('[ERROR]'))
assert !beforeError.contains('create-function'): 'the fix is said once, in the error'
assert beforeError =~ /FAILED\s+left unchanged: Function it-failures-missing-fn does not exist in eu-west-1\.\n/
assert !aws.functionExists('it-failures-missing-fn')

// 3: direct upload over 52,428,800 bytes: refused before any upload, with the fix
support.assertGoalFailure('deploy', ["layer 'deploy-failures' is", 'over the 52428800-byte limit of a direct upload',
        '-Dlambda.deploy.mode=s3'], logs[2])
assert aws.layerVersions('it-failures-deploy-failures').isEmpty()

// 4: unknown mode names the element and the allowed values
support.assertGoalFailure('deploy', ['<deployMode> (lambda.deploy.mode)', "unknown deploy mode 'ftp'", 'auto', 'direct', 's3'], logs[3])

// 5: a public layer grant needs its own switch; the message names both POM elements and the property
support.assertGoalFailure('deploy', ['<layerShareAccounts>', 'every AWS account',
        '<layerAllowPublic>true</layerAllowPublic>', '-Dlambda.layers.allowPublic=true'], logs[4])
assert aws.layerVersions('it-failures-deploy-failures').isEmpty(): 'nothing may be published on a config error'

// 6: the expected bucket owner must be an account id
support.assertGoalFailure('deploy', ['<deployBucketOwner> (lambda.deploy.bucketOwner)', "'my-team' is not an AWS account id"],
        logs[5])
return true
