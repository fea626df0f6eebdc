package dev.lambdadeploy.publish;

/**
 * One layer in one region. {@code action}: {@code published}, {@code up-to-date} (the latest version already has
 * this CodeSha256, runtimes and architectures) or, in a dry run, {@code would-publish}. The deploy builds it with
 * {@link #upToDate}, {@link #wouldPublish} or {@link #published}.
 */
public record LayerResult(
        String name,
        String layerName,
        DeployAction action,
        String layerVersionArn,
        Long version,
        String codeSha256,
        String transport,
        String s3Bucket,
        String s3Key,
        long bytesUploaded,
        String reason) {

    /** An existing version with this content, reused: nothing uploaded. */
    static LayerResult upToDate(PlannedZip z, String layerVersionArn, Long version, String codeSha256, String reason) {
        return new LayerResult(
                z.name(),
                z.awsName(),
                DeployAction.UP_TO_DATE,
                layerVersionArn,
                version,
                codeSha256,
                null,
                null,
                null,
                0,
                reason);
    }

    /** A dry run's new version: where it would be uploaded ({@code bucket}/{@code key} for S3) and why. */
    static LayerResult wouldPublish(PlannedZip z, String bucket, String key, String reason) {
        return new LayerResult(
                z.name(),
                z.awsName(),
                DeployAction.WOULD_PUBLISH,
                null,
                null,
                z.codeSha256(),
                z.transport().id(),
                bucket,
                key,
                0,
                reason);
    }

    /** A version this deploy published, from {@code bucket}/{@code key} when uploaded to S3 first. */
    static LayerResult published(
            PlannedZip z, LayerPublisher.PublishedLayer v, String bucket, String key, long uploaded, String reason) {
        return new LayerResult(
                z.name(),
                z.awsName(),
                DeployAction.PUBLISHED,
                v.layerVersionArn(),
                v.version(),
                v.codeSha256() == null ? z.codeSha256() : v.codeSha256(),
                z.transport().id(),
                bucket,
                key,
                uploaded,
                reason);
    }
}
