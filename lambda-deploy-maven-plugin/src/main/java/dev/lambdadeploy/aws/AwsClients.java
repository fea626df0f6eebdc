package dev.lambdadeploy.aws;

import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The clients of one region; {@code lambdaOnce} makes one attempt per call, for calls that are not idempotent.
 * Closing them leaves the shared HTTP client open (the factory owns it). */
public record AwsClients(
        String region, LambdaClient lambda, LambdaClient lambdaOnce, S3Client s3, StsClient sts, EcrClient ecr)
        implements AutoCloseable {
    @Override
    public void close() {
        lambda.close();
        lambdaOnce.close();
        s3.close();
        sts.close();
        ecr.close();
    }
}
