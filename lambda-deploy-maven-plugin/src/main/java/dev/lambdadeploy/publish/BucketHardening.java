package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.log.BuildLog;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * What a deploy bucket the plugin creates gets, explicitly rather than from the account's defaults: all four public
 * access blocks, object ownership {@code BucketOwnerEnforced} (ACLs off: every object belongs to the bucket owner),
 * default encryption (SSE-S3, or SSE-KMS with the configured key and an S3 bucket key), and a bucket policy that
 * denies every request not made over TLS. A step that fails stops the deploy: the bucket exists, but it is not yet
 * what the plugin promises, and the message names the missing permission. The TLS-only policy is left out when the
 * plugin itself talks to S3 over plain HTTP (an {@code http://} endpoint override, e.g. a local test server): it
 * would deny the plugin's own requests.
 */
final class BucketHardening {
    static final String TLS_ONLY_SID = "lambda-deploy-deny-insecure-transport";

    private final S3Client s3;
    private final String owner;
    private final String kmsKeyId;
    private final boolean tlsOnlyPolicy;
    private final BuildLog log;

    BucketHardening(S3Client s3, String owner, String kmsKeyId, BuildLog log) {
        this(s3, owner, kmsKeyId, !plainHttp(s3), log);
    }

    BucketHardening(S3Client s3, String owner, String kmsKeyId, boolean tlsOnlyPolicy, BuildLog log) {
        this.s3 = s3;
        this.owner = owner;
        this.kmsKeyId = kmsKeyId;
        this.tlsOnlyPolicy = tlsOnlyPolicy;
        this.log = log;
    }

    static boolean plainHttp(S3Client s3) {
        return s3.serviceClientConfiguration()
                .endpointOverride()
                .map(u -> "http".equalsIgnoreCase(u.getScheme()))
                .orElse(false);
    }

    void apply(String bucket, String region) {
        String resource = "bucket " + bucket + " in " + region;
        try {
            AwsCalls.run(
                    "s3:PutBucketPublicAccessBlock",
                    resource,
                    () -> s3.putPublicAccessBlock(r -> r.bucket(bucket)
                            .expectedBucketOwner(owner)
                            .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                                    .ignorePublicAcls(true)
                                    .blockPublicPolicy(true)
                                    .restrictPublicBuckets(true))));
            AwsCalls.run(
                    "s3:PutBucketOwnershipControls",
                    resource,
                    () -> s3.putBucketOwnershipControls(r -> r.bucket(bucket)
                            .expectedBucketOwner(owner)
                            .ownershipControls(o ->
                                    o.rules(rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))));
            AwsCalls.run(
                    "s3:PutEncryptionConfiguration",
                    resource,
                    () -> s3.putBucketEncryption(r -> r.bucket(bucket)
                            .expectedBucketOwner(owner)
                            .serverSideEncryptionConfiguration(c ->
                                    c.rules(rule -> rule.bucketKeyEnabled(kmsKeyId != null)
                                            .applyServerSideEncryptionByDefault(d -> {
                                                if (kmsKeyId != null) {
                                                    d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                                                            .kmsMasterKeyID(kmsKeyId);
                                                } else {
                                                    d.sseAlgorithm(ServerSideEncryption.AES256);
                                                }
                                            })))));
            if (tlsOnlyPolicy) {
                AwsCalls.run(
                        "s3:PutBucketPolicy",
                        resource,
                        () -> s3.putBucketPolicy(r ->
                                r.bucket(bucket).expectedBucketOwner(owner).policy(tlsOnlyPolicy(bucket, region))));
            } else {
                log.warn("[" + region + "] bucket " + bucket + ": no TLS-only bucket policy, because this deploy talks "
                        + "to S3 over plain HTTP (endpoint override) and the policy would deny its own requests");
            }
        } catch (AwsCallException e) {
            throw new DeployException(
                    "The deploy bucket " + bucket + " was created but could not be hardened: "
                            + e.getMessage() + " Grant the permission named above (or harden the bucket yourself: "
                            + "public access block, BucketOwnerEnforced, default encryption, a TLS-only bucket policy) and "
                            + "deploy again; nothing was uploaded.",
                    e);
        }
        log.info("[" + region + "] bucket " + bucket + " hardened: public access blocked, BucketOwnerEnforced, "
                + (kmsKeyId != null ? "SSE-KMS with " + kmsKeyId : "SSE-S3") + " default encryption"
                + (tlsOnlyPolicy ? ", TLS-only policy" : ""));
    }

    /** Denies any request on the bucket or its objects made without TLS ({@code aws:SecureTransport=false}). */
    static String tlsOnlyPolicy(String bucket, String region) {
        String arn = "arn:" + partition(region) + ":s3:::" + bucket;
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + TLS_ONLY_SID + "\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"" + arn + "\",\"" + arn + "/*\"],"
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
    }

    static String partition(String region) {
        PartitionMetadata p = PartitionMetadata.of(Region.of(region));
        return p == null ? "aws" : p.id();
    }
}
