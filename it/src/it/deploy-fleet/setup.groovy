aws = evaluate(new File(awsSupport))
aws.createRole('it-fleet-role')
return true
