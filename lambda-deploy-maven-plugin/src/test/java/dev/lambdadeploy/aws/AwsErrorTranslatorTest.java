package dev.lambdadeploy.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Messages for AWS's documented error shapes (codes and texts as AWS returns them). The same shapes over HTTP come
 * from the AWS-error stub tests; here the exceptions are built the way the SDK builds them from a response.
 */
class AwsErrorTranslatorTest {

    static AwsServiceException lambda(int status, String code, String message) {
        return LambdaException.builder()
                .statusCode(status)
                .requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName("Lambda")
                        .build())
                .build();
    }

    @Test
    void requestEntityTooLargeSaysUseS3() {
        String m = AwsErrorTranslator.translate(
                lambda(
                        413,
                        "RequestEntityTooLargeException",
                        "Request must be smaller than 70167211 bytes for the PublishLayerVersion operation"),
                "lambda:PublishLayerVersion",
                "layer deps in eu-west-1");
        assertTrue(m.contains("52428800 bytes"), m);
        assertTrue(m.contains("-Dlambda.deploy.mode=s3"), m);
        assertTrue(m.contains("layer deps in eu-west-1"), m);
        assertTrue(m.contains("request id req-1"), m);
    }

    @Test
    void unzippedSizeAndLayerSizeSayMakeItSmallerOrUseAnImage() {
        for (String text : new String[] {
            "Unzipped size must be smaller than 262144000 bytes",
            "Layers consume more than the available size of 262144000 bytes",
            "Function code combined with layers exceeds the maximum allowed size of 262144000 bytes. The actual size is 270000000 bytes."
        }) {
            String m = AwsErrorTranslator.translate(
                    lambda(400, "InvalidParameterValueException", text),
                    "lambda:UpdateFunctionConfiguration",
                    "function orders");
            assertTrue(m.contains("262144000 bytes (250 MB) unzipped"), m);
            assertTrue(m.contains("container image"), m);
        }
    }

    @Test
    void accessDeniedNamesTheMissingAction() {
        String m = AwsErrorTranslator.translate(
                lambda(
                        403,
                        "AccessDeniedException",
                        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:PublishLayerVersion on resource: arn:aws:lambda:eu-west-1:123456789012:layer:deps"),
                "lambda:PublishLayerVersion",
                "layer deps");
        assertTrue(m.contains("lacks the IAM permission 'lambda:PublishLayerVersion'"), m);

        String s3 = AwsErrorTranslator.translate(
                S3Exception.builder()
                        .statusCode(403)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("AccessDenied")
                                .errorMessage("Access Denied")
                                .build())
                        .build(),
                "s3:HeadBucket",
                "bucket b");
        assertTrue(s3.contains("'s3:ListBucket'"), s3);
    }

    @Test
    void throttlingSaysRetryOrAdaptive() {
        String m = AwsErrorTranslator.translate(
                lambda(429, "TooManyRequestsException", "Rate exceeded"),
                "lambda:UpdateFunctionCode",
                "function orders");
        assertTrue(m.contains("throttled"), m);
        assertTrue(m.contains("-Dlambda.retryMode=adaptive"), m);
    }

    @Test
    void bucketInAnotherRegionNamesTheRegion() {
        AwsServiceException e = S3Exception.builder()
                .statusCode(301)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("PermanentRedirect")
                        .errorMessage(
                                "The bucket you are attempting to access must be addressed using the specified endpoint.")
                        .sdkHttpResponse(SdkHttpResponse.builder()
                                .statusCode(301)
                                .putHeader("x-amz-bucket-region", "us-west-2")
                                .build())
                        .build())
                .build();
        String m = AwsErrorTranslator.translate(e, "s3:PutObject", "s3://b/k");
        assertTrue(m.contains("another region (us-west-2)"), m);
        assertTrue(m.contains("{region}"), m);
    }

    @Test
    void missingCredentialsListsTheStandardSources() {
        String m = AwsErrorTranslator.translate(
                SdkClientException.create("Unable to load credentials from any of the providers in the chain"),
                "lambda:GetFunction",
                "function orders");
        assertTrue(m.contains("no AWS credentials found"), m);
        assertTrue(m.contains("aws sso login"), m);
        assertFalse(m.contains("Unable to load credentials"), "no raw SDK chain dump: " + m);
    }
}
