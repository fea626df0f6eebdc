package dev.lambdadeploy.publish;

import java.nio.file.Path;

/**
 * One zip to deploy. {@code awsName} is the layer name in Lambda (with the configured prefix) or the S3 folder of
 * the function zip; {@code transport} is DIRECT or S3 after resolving AUTO.
 */
public record PlannedZip(
        String name,
        String awsName,
        boolean layer,
        Path file,
        String codeSha256,
        String sha256Hex,
        long zippedBytes,
        long unzippedBytes,
        DeployMode transport) {}
