package dev.lambdadeploy.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * moto keeps S3's LastModified and ECR's imagePushedAt in whole seconds, and the newest-N rules of prune need distinct
 * ones: after a write, a test waits for the clock (moto runs on the same machine) to pass the second the server
 * stamped, instead of sleeping a fixed time and hoping it was enough.
 */
public final class WholeSeconds {
    private WholeSeconds() {}

    /** Returns once the clock is in a later whole second than {@code stamp}: the next write is stamped later. */
    public static void awaitAfter(Instant stamp) throws InterruptedException {
        Instant next = stamp.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        if (Duration.between(Instant.now(), next).toSeconds() > 5) {
            throw new IllegalStateException("server time " + stamp + " is well ahead of this machine's clock");
        }
        for (Instant now = Instant.now(); now.isBefore(next); now = Instant.now()) {
            Thread.sleep(Math.max(1, Duration.between(now, next).toMillis()));
        }
    }

    /** Waits past the newest LastModified in the bucket. */
    public static void awaitAfterNewestObject(S3Client s3, String bucket) throws InterruptedException {
        awaitAfter(s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::lastModified)
                .max(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("no objects in " + bucket)));
    }

    /** Waits past the push time of the image. */
    public static void awaitAfterPush(EcrClient ecr, String repository, String digest) throws InterruptedException {
        awaitAfter(ecr.describeImages(r -> r.repositoryName(repository).imageIds(i -> i.imageDigest(digest)))
                .imageDetails()
                .get(0)
                .imagePushedAt());
    }
}
