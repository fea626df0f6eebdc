package dev.lambdadeploy.publish;

import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What it means when S3 refuses a request on the deploy bucket that names its expected owner: the bucket may belong
 * to another account. Default bucket names ({@code lambda-deploy-{account}-{region}}) are predictable, the pattern of
 * the 2024 "bucket monopoly" shadow-resource findings: whoever creates that bucket first in their own account would
 * receive the function code and could swap it between upload and publication.
 */
public final class BucketGuard {
    private BucketGuard() {}

    /** The failure for a 403 on a request that carried {@code ExpectedBucketOwner}. */
    public static DeployException notOwned(String bucket, String owner, String region, S3Exception cause) {
        return new DeployException(message(bucket, owner, region), cause);
    }

    public static String message(String bucket, String owner, String region) {
        return "S3 refused access to the deploy bucket " + bucket + " in " + region + " for requests that require it "
                + "to be owned by account " + owner + " (ExpectedBucketOwner; 403 AccessDenied). Either the bucket "
                + "belongs to another account, or this identity lacks s3:ListBucket/s3:GetObject/s3:PutObject on it. "
                + "A bucket in another account would receive your function code and could change it before Lambda "
                + "reads it: predictable names such as lambda-deploy-{account}-{region} can be claimed by anyone first "
                + "(the \"bucket monopoly\" shadow-resource risk). Nothing was uploaded. Fix: use a bucket your account "
                + "owns, with an unpredictable part in its name (<deployBucket>my-team-artifacts-x7k2-{region}"
                + "</deployBucket>, -Dlambda.deploy.bucket), and let the plugin create it "
                + "(-Dlambda.deploy.createBucket=true); if the bucket is deliberately in another account of yours, "
                + "name that account with <deployBucketOwner> (-Dlambda.deploy.bucketOwner=<account-id>).";
    }
}
