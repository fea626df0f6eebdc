package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsErrorTranslator;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.units.ByteSizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The deploy bucket of one region: makes sure it exists in that region and belongs to the expected account (creating
 * and hardening it only when allowed) and uploads zips under content-addressed keys with their SHA-256 as S3 checksum,
 * skipping objects that are already there only when S3's checksum of them equals the zip's; big zips go up in parts
 * with progress. Every request names the expected bucket owner, so S3 refuses it when the bucket is someone else's.
 */
final class S3Store {
    private final S3Client s3;
    private final String region;
    private final S3Settings settings;
    private final String owner;
    private final BuildLog log;

    S3Store(S3Client s3, String region, S3Settings settings, String expectedOwner, BuildLog log) {
        this.s3 = s3;
        this.region = region;
        this.settings = settings;
        this.owner = expectedOwner;
        this.log = log;
    }

    /** The account every call on the bucket expects to own it. */
    String owner() {
        return owner;
    }

    /** Checks the bucket; returns false when it does not exist and may be created (dry run: would be). */
    boolean ensureBucket(String bucket, boolean dryRun) {
        String resource = "bucket " + bucket + " for region " + region;
        try {
            HeadBucketResponse head = s3.headBucket(r -> r.bucket(bucket).expectedBucketOwner(owner));
            checkRegion(bucket, head.bucketRegion());
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                if (!settings.createBucket()) {
                    throw new DeployException("The deploy bucket " + bucket + " does not exist in " + region
                            + ". Create it (aws s3 mb s3://" + bucket + " --region " + region
                            + "), name an existing one with <deployBucket>/-Dlambda.deploy.bucket, or let the plugin "
                            + "create it with -Dlambda.deploy.createBucket=true.");
                }
                if (!dryRun) {
                    createBucket(bucket, resource);
                }
                return false;
            }
            if (e.statusCode() == 301) {
                checkRegion(
                        bucket,
                        e.awsErrorDetails()
                                .sdkHttpResponse()
                                .firstMatchingHeader("x-amz-bucket-region")
                                .orElse("another region"));
            }
            if (e.statusCode() == 403) {
                throw BucketGuard.notOwned(bucket, owner, region, e);
            }
            throw translate(e, "s3:HeadBucket", resource);
        } catch (SdkException e) {
            throw AwsErrorTranslator.toException(e, "s3:HeadBucket", resource);
        }
    }

    private void createBucket(String bucket, String resource) {
        log.info("[" + region + "] creating bucket " + bucket);
        try {
            AwsCalls.run(
                    "s3:CreateBucket",
                    resource,
                    () -> s3.createBucket(r -> {
                        r.bucket(bucket);
                        if (!"us-east-1".equals(region)) {
                            r.createBucketConfiguration(c -> c.locationConstraint(region));
                        }
                    }));
        } catch (AwsCallException e) {
            // a retry after an attempt whose answer was lost, or a parallel pipeline: the bucket is ours, go on
            if (!"BucketAlreadyOwnedByYou".equals(e.errorCode())) {
                throw e;
            }
            log.info("[" + region + "] bucket " + bucket + " already exists in this account");
        }
        new BucketHardening(s3, owner, settings.kmsKeyId(), log).apply(bucket, region);
    }

    private void checkRegion(String bucket, String bucketRegion) {
        if (bucketRegion != null && !bucketRegion.equals(region)) {
            throw new DeployException("The deploy bucket " + bucket + " is in " + bucketRegion + ", but this deploy "
                    + "goes to " + region + " and Lambda reads code only from a bucket in the function's region. Use "
                    + "one bucket per region, e.g. <deployBucket>my-artifacts-{region}</deployBucket>.");
        }
    }

    /**
     * S3's SHA-256 checksum of the object ({@code ""} when it has none), or empty when there is no such object.
     * The key alone proves nothing: anyone who can write to the bucket can put other bytes under it.
     */
    Optional<String> checksum(String bucket, String key) {
        try {
            HeadObjectResponse head = s3.headObject(
                    r -> r.bucket(bucket).key(key).expectedBucketOwner(owner).checksumMode(ChecksumMode.ENABLED));
            return Optional.of(head.checksumSHA256() == null ? "" : head.checksumSHA256());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw translate(e, "s3:HeadObject", "s3://" + bucket + "/" + key);
        } catch (SdkException e) {
            throw AwsErrorTranslator.toException(e, "s3:HeadObject", "s3://" + bucket + "/" + key);
        }
    }

    /** True when the content-addressed object is already in the bucket with the zip's bytes (by S3's checksum). */
    boolean exists(PlannedZip zip, String bucket, String key) {
        Optional<String> remote = checksum(bucket, key);
        if (remote.isEmpty()) {
            return false;
        }
        if (S3Checksums.matches(
                remote.get(), zip.codeSha256(), () -> S3Checksums.composite(zip.file(), settings.partSize()))) {
            return true;
        }
        log.warn("[" + region + "] s3://" + bucket + "/" + key + " holds other bytes than "
                + zip.file().getFileName()
                + " (S3 SHA-256 checksum " + (remote.get().isEmpty() ? "none" : remote.get()) + ", the zip's "
                + zip.codeSha256() + "); uploading the zip again over it. If nobody else writes to this bucket, "
                + "find out who did.");
        return false;
    }

    /** Uploads the zip unless the object exists with the same bytes; returns the bytes sent. */
    long upload(PlannedZip zip, String bucket, String key) {
        if (exists(zip, bucket, key)) {
            log.info("[" + region + "] s3://" + bucket + "/" + key + " already uploaded (SHA-256 checksum matches)");
            return 0;
        }
        Map<String, String> meta = Map.of("sha256", zip.sha256Hex(), "lambda-deploy-zip", zip.name());
        String resource = "s3://" + bucket + "/" + key;
        if (zip.zippedBytes() < settings.multipartThreshold()) {
            log.info("[" + region + "] uploading " + zip.file().getFileName() + " ("
                    + ByteSizes.human(zip.zippedBytes()) + ") to " + resource);
            // the checksum makes S3 refuse bytes that differ from the zip (BadDigest) and keeps it for later checks
            AwsCalls.run(
                    "s3:PutObject",
                    resource,
                    () -> s3.putObject(
                            r -> r.bucket(bucket)
                                    .key(key)
                                    .metadata(meta)
                                    .contentType("application/zip")
                                    .expectedBucketOwner(owner)
                                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                                    .checksumSHA256(zip.codeSha256()),
                            RequestBody.fromFile(zip.file())));
            return zip.zippedBytes();
        }
        return multipart(zip, bucket, key, meta, resource);
    }

    private long multipart(PlannedZip zip, String bucket, String key, Map<String, String> meta, String resource) {
        String uploadId = AwsCalls.call(
                        "s3:CreateMultipartUpload",
                        resource,
                        () -> s3.createMultipartUpload(r -> r.bucket(bucket)
                                .key(key)
                                .metadata(meta)
                                .contentType("application/zip")
                                .expectedBucketOwner(owner)
                                .checksumAlgorithm(ChecksumAlgorithm.SHA256)))
                .uploadId();
        long total = zip.zippedBytes();
        long partSize = settings.partSize();
        List<CompletedPart> parts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip.file())) {
            long sent = 0;
            for (int part = 1; sent < total; part++) {
                byte[] buf = in.readNBytes((int) Math.min(partSize, total - sent));
                int partNumber = part;
                String partSha = S3Checksums.sha256Base64(buf);
                String etag = AwsCalls.call(
                                "s3:UploadPart",
                                resource,
                                () -> s3.uploadPart(
                                        r -> r.bucket(bucket)
                                                .key(key)
                                                .uploadId(uploadId)
                                                .partNumber(partNumber)
                                                .expectedBucketOwner(owner)
                                                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                                                .checksumSHA256(partSha),
                                        RequestBody.fromBytes(buf)))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .checksumSHA256(partSha)
                        .build());
                sent += buf.length;
                log.info(String.format(
                        Locale.ROOT,
                        "[%s] uploading %s to %s: %s / %s (%d%%)",
                        region,
                        zip.file().getFileName(),
                        resource,
                        ByteSizes.human(sent),
                        ByteSizes.human(total),
                        sent * 100 / total));
            }
            AwsCalls.run(
                    "s3:CompleteMultipartUpload",
                    resource,
                    () -> s3.completeMultipartUpload(r -> r.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .expectedBucketOwner(owner)
                            .multipartUpload(m -> m.parts(parts))));
            return total;
        } catch (IOException | RuntimeException e) {
            abort(bucket, key, uploadId);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Best effort: an aborted upload leaves no parts (and no cost) behind. */
    private void abort(String bucket, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(
                    r -> r.bucket(bucket).key(key).uploadId(uploadId).expectedBucketOwner(owner));
        } catch (RuntimeException e) {
            log.warn("[" + region + "] could not abort the multipart upload of s3://" + bucket + "/" + key + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private static AwsCallException translate(SdkException e, String operation, String resource) {
        return AwsErrorTranslator.toException(e, operation, resource);
    }
}
