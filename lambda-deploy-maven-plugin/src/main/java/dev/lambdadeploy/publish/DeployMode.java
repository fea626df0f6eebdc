package dev.lambdadeploy.publish;

import dev.lambdadeploy.config.ConfigException;
import java.util.Locale;

/**
 * How code reaches Lambda. {@code DIRECT}: the zip in the request (at most 52,428,800 bytes); {@code S3}: uploaded to
 * the deploy bucket first; {@code AUTO}: direct when the zip fits, else S3. (Container images will be a mode of their
 * own.)
 */
public enum DeployMode {
    DIRECT,
    S3,
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
            default:
                throw new ConfigException(element, "unknown deploy mode '" + value
                        + "'. Use auto (default: direct when the zip fits, else S3), direct or s3, "
                        + "e.g. -Dlambda.deploy.mode=s3.");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
