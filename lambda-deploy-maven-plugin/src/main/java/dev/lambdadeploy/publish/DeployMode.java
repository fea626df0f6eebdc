package dev.lambdadeploy.publish;

import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.limits.LambdaLimits;
import java.util.Locale;

/**
 * How code reaches Lambda. {@code DIRECT}: the zip in the request (at most 52,428,800 bytes); {@code S3}: uploaded to
 * the deploy bucket first; {@code IMAGE}: a container image built with Jib and pushed to ECR; {@code AUTO}: direct
 * when the zip fits, else S3, and an image when function + layers exceed 250 MB unzipped and an image repository is
 * configured.
 */
public enum DeployMode {
    DIRECT,
    S3,
    IMAGE,
    AUTO;

    public static DeployMode parse(String value, String element) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "":
            case "auto":
                return AUTO;
            case "direct":
                return DIRECT;
            case "s3":
                return S3;
            case "image":
                return IMAGE;
            default:
                throw new ConfigException(
                        element,
                        "unknown deploy mode '" + value
                                + "'. Use auto (default: direct when the zip fits, else S3; an image "
                                + "when over 250 MB and <imageRepository> is set), direct, s3 or image, "
                                + "e.g. -Dlambda.deploy.mode=s3.");
        }
    }

    /**
     * Whether this mode ships a container image: image mode always; auto mode when function + layers exceed Lambda's
     * 250 MB unzipped limit for zips and an image repository is configured (else a zip deploy, which then fails on
     * the limit with the fix).
     */
    public boolean deploysImage(long unzippedBytes, boolean imageRepositoryConfigured) {
        return this == IMAGE
                || (this == AUTO && imageRepositoryConfigured && unzippedBytes > LambdaLimits.TOTAL_UNZIPPED);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
