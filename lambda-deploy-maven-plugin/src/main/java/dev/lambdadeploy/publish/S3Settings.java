package dev.lambdadeploy.publish;

import dev.lambdadeploy.config.ConfigException;

/**
 * The deploy bucket. {@code bucket} may hold {@code {region}} and {@code {account}} placeholders (one bucket per
 * region is needed, as Lambda reads code only from its own region); {@code null} means
 * {@code lambda-deploy-{account}-{region}}. Objects go to {@code <prefix>/<layer>/<sha256-hex>.zip}.
 * {@code bucketOwner} is the account that must own the bucket ({@code null}: the caller's own account, from STS);
 * {@code kmsKeyId} is the KMS key a bucket the plugin creates encrypts with ({@code null}: SSE-S3).
 */
public record S3Settings(
        String bucket,
        String prefix,
        boolean createBucket,
        long multipartThreshold,
        long partSize,
        String bucketOwner,
        String kmsKeyId) {
    public static final String DEFAULT_BUCKET = "lambda-deploy-{account}-{region}";
    public static final long DEFAULT_MULTIPART_THRESHOLD = 32L * 1024 * 1024;
    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

    public S3Settings {
        bucket = bucket == null || bucket.isBlank() ? DEFAULT_BUCKET : bucket.trim();
        prefix = prefix == null ? "lambda-deploy" : prefix.replaceAll("^/+|/+$", "");
        multipartThreshold = multipartThreshold <= 0 ? DEFAULT_MULTIPART_THRESHOLD : multipartThreshold;
        partSize = partSize <= 0 ? DEFAULT_PART_SIZE : Math.max(partSize, 5L * 1024 * 1024);
        bucketOwner = bucketOwner == null || bucketOwner.isBlank() ? null : bucketOwner.trim();
        if (bucketOwner != null && !bucketOwner.matches("\\d{12}")) {
            throw new ConfigException(
                    "<deployBucketOwner> (lambda.deploy.bucketOwner)",
                    "'" + bucketOwner
                            + "' is not an AWS account id (12 digits). Name the account that owns the deploy bucket, or leave "
                            + "it out to require the deploying identity's own account.");
        }
        kmsKeyId = kmsKeyId == null || kmsKeyId.isBlank() ? null : kmsKeyId.trim();
    }

    public S3Settings(String bucket, String prefix, boolean createBucket, long multipartThreshold, long partSize) {
        this(bucket, prefix, createBucket, multipartThreshold, partSize, null, null);
    }

    /** The account the bucket must belong to: the configured one, else the caller's. */
    public String expectedOwner(String callerAccount) {
        return bucketOwner != null ? bucketOwner : callerAccount;
    }

    public static S3Settings defaults() {
        return new S3Settings(null, null, false, 0, 0);
    }

    public String bucketFor(String region, String account) {
        return bucket.replace("{region}", region).replace("{account}", account == null ? "" : account);
    }

    public boolean needsAccount() {
        return bucket.contains("{account}");
    }

    /** Content-addressed: the same zip always gets the same key, so retries and repeats never multiply objects. */
    public String key(String folder, String sha256Hex) {
        return (prefix.isEmpty() ? "" : prefix + "/") + folder + "/" + sha256Hex + ".zip";
    }
}
