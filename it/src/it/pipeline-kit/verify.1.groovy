// After the policy and a deploy with step outputs and SSM (1): check all three, then change the handler so the
// layers-only deploy (2) has function code it must not deploy.
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

support = evaluate(new File(itSupport))
aws = evaluate(new File(awsSupport))
String log = support.buildLog()
assert log.contains('BUILD SUCCESS'): support.tail(log)
aws.assertNoSecrets(log)

// the policy: a valid document scoped to this POM's function, layers and bucket
Map policy = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/iam-policy.json'))
assert policy.Version == '2012-10-17'
List resources = policy.Statement.collectMany { s -> s.Resource instanceof List ? s.Resource : [s.Resource] }
assert resources.contains('arn:aws:lambda:eu-west-1:123456789012:function:it-pipeline-fn')
assert resources.any { it.startsWith('arn:aws:lambda:eu-west-1:123456789012:layer:it-pipeline-') }
assert resources.contains('arn:aws:s3:::it-pipeline-eu-west-1/lambda-deploy/*')
assert resources.contains('arn:aws:iam::123456789012:role/it-pipeline-role')
assert resources.contains('arn:aws:ssm:eu-west-1:123456789012:parameter/it-pipeline/*')
assert policy.Statement.findAll { it.Resource == '*' }.collectMany { it.Action }.toSet() ==
        ['lambda:ListLayerVersions', 'lambda:ListFunctions'].toSet()
Map byGoal = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/iam-policy-by-goal.json'))
assert byGoal.keySet() == ['deploy', 'status', 'rollback', 'prune'].toSet()
assert log.contains('IAM policy for lambda:deploy, lambda:status, lambda:rollback, lambda:prune in eu-west-1 (account 123456789012)')

// the outputs: deploy-result.json, GITHUB_OUTPUT, SSM
Map result = (Map) new JsonSlurper().parse(new File(basedir, 'target/lambda/deploy-result.json'))
Map layer = result.regions[0].layers[0]
String key = 'layer-' + layer.name.toLowerCase().replaceAll('[^a-z0-9_-]', '_') + '-arn'
assert result.outputs[key] == layer.layerVersionArn: result.outputs
List<String> stepOutputs = new File(basedir, 'target/github-output').readLines()
assert stepOutputs.contains(key + '=' + layer.layerVersionArn): stepOutputs
assert stepOutputs.contains('function-it-pipeline-fn-arn=arn:aws:lambda:eu-west-1:123456789012:function:it-pipeline-fn')

String parameter = '/it-pipeline/' + layer.layerName + '/arn'
HttpResponse<String> ssm = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(motoEndpoint + '/'))
        .header('Content-Type', 'application/x-amz-json-1.1')
        .header('X-Amz-Target', 'AmazonSSM.GetParameter')
        .header('Authorization', 'AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/ssm/aws4_request, SignedHeaders=host, Signature=0')
        .POST(HttpRequest.BodyPublishers.ofString('{"Name":"' + parameter + '"}')).build(), HttpResponse.BodyHandlers.ofString())
assert ssm.statusCode() == 200: ssm.body()
assert new JsonSlurper().parseText(ssm.body()).Parameter.Value == layer.layerVersionArn

new File(basedir, 'code-v1.txt').text = aws.function('it-pipeline-fn').codeSha256()
new File(basedir, 'layer-v1.txt').text = layer.layerVersionArn
File src = new File(basedir, 'src/main/java/com/example/pipeline/Handler.java')
src.text = src.text.replace('"v1:"', '"v2:"')
return true
