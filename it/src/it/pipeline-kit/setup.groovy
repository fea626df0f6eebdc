aws = evaluate(new File(awsSupport))
aws.createRole('it-pipeline-role')
return true
