package dev.lambdadeploy.publish;

/**
 * One layer in one region. {@code action}: {@code published}, {@code up-to-date} (the latest version already has
 * this CodeSha256, runtimes and architectures) or, in a dry run, {@code would-publish}.
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
        String reason) {}
