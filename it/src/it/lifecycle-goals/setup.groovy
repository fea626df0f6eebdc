aws = evaluate(new File(awsSupport))
aws.createRole('it-goals-role')
return true
