aws = evaluate(new File(awsSupport))
aws.createRole('it-lifecycle-role')
return true
