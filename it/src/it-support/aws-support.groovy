/*
 * AWS helpers for the deploy ITs' setup/verify scripts: real SDK clients talking to the moto_server the IT build
 * started. Load it with
 *     aws = evaluate(new File(awsSupport))
 * (script variables awsSupport, motoEndpoint, awsAccessKeyId, awsSecretAccessKey, awsSessionToken come from it/pom.xml; the SDK is on
 * the script class path through addTestClassPath).
 */
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.http.apache.ApacheHttpClient
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.lambda.LambdaClient
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException
import software.amazon.awssdk.services.s3.S3Client

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

class AwsSupport {
    final String endpoint
    final String accessKeyId
    final String secretAccessKey
    final String sessionToken
    final String region = 'eu-west-1'

    AwsSupport(String endpoint, String accessKeyId, String secretAccessKey, String sessionToken) {
        this.endpoint = endpoint
        this.accessKeyId = accessKeyId
        this.secretAccessKey = secretAccessKey
        this.sessionToken = sessionToken
    }

    private <B> B configure(B builder) {
        builder.endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(ApacheHttpClient.builder())
        builder
    }

    def <T> T lambda(Closure<T> use) {
        LambdaClient c = configure(LambdaClient.builder()).build()
        try {
            return use(c)
        } finally {
            c.close()
        }
    }

    def <T> T ecr(Closure<T> use) {
        def c = configure(software.amazon.awssdk.services.ecr.EcrClient.builder()).build()
        try {
            return use(c)
        } finally {
            c.close()
        }
    }

    def <T> T s3(Closure<T> use) {
        S3Client c = configure(S3Client.builder()).forcePathStyle(true).build()
        try {
            return use(c)
        } finally {
            c.close()
        }
    }

    GetFunctionConfigurationResponse function(String name) {
        lambda { LambdaClient l -> l.getFunctionConfiguration { it.functionName(name) } }
    }

    boolean functionExists(String name) {
        try {
            function(name)
            return true
        } catch (ResourceNotFoundException e) {
            return false
        }
    }

    /** Versions of a layer, newest first: [version: n, arn: ..., codeSha256: ...]. */
    List<Map> layerVersions(String layer) {
        lambda { LambdaClient l ->
            l.listLayerVersions { it.layerName(layer) }.layerVersions().collect { v ->
                def full = l.getLayerVersion { it.layerName(layer).versionNumber(v.version()) }
                [version: v.version(), arn: v.layerVersionArn(), codeSha256: full.content().codeSha256(),
                 runtimes: full.compatibleRuntimesAsStrings(), architectures: full.compatibleArchitecturesAsStrings()]
            }.sort { -it.version }
        }
    }

    Map<String, String> tags(String functionArn) {
        lambda { LambdaClient l -> l.listTags { it.resource(functionArn) }.tags() }
    }

    /** Keys and sizes of every object in the bucket. */
    Map<String, Long> objects(String bucket) {
        s3 { S3Client s -> s.listObjectsV2 { it.bucket(bucket) }.contents().collectEntries { [(it.key()): it.size()] } }
    }

    /** Creates an IAM role through moto's IAM query API (moto's CreateFunction wants an existing role). */
    String createRole(String name) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint + '/'))
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .header('Authorization', 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0')
                .POST(HttpRequest.BodyPublishers.ofString("Action=CreateRole&Version=2010-05-08&RoleName=${name}&AssumeRolePolicyDocument=%7B%7D"))
                .build()
        HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString())
        assert res.statusCode() == 200 || res.body().contains('EntityAlreadyExists'): "CreateRole: ${res.statusCode()} ${res.body()}"
        "arn:aws:iam::123456789012:role/${name}"
    }

    /** The build log must never show the credentials the build ran with. */
    void assertNoSecrets(String log) {
        assert !log.contains(secretAccessKey): 'the secret access key appears in build.log'
        assert !log.contains(sessionToken): 'the session token appears in build.log'
        assert !log.contains(accessKeyId): 'the access key id appears in build.log'
        assert !(log =~ /X-Amz-Signature=|X-Amz-Credential=/): 'a presigned URL appears in build.log'
    }
}

new AwsSupport(motoEndpoint as String, awsAccessKeyId as String, awsSecretAccessKey as String,
        awsSessionToken as String)
